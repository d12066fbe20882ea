//! The `rehash` binary: parses the command line and runs the reader or a command.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use rehash::cli::{Cli, Command};
use rehash::commands::{self, Failure};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = color_eyre::install() {
        eprintln!("rehash: {e}");
    }
    let result = match &cli.command {
        Some(Command::Scan(args)) => {
            commands::config(cli.config.as_deref()).and_then(|c| commands::scan(args, &c.engine))
        }
        Some(Command::Generate(args)) => rehash::generate::write(args).map_err(Failure::from),
        None => read(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("rehash: {}", rehash::text::printable(&message));
            ExitCode::from(2)
        }
        Err(Failure::Runtime(report)) => {
            eprintln!("rehash: {report:?}");
            ExitCode::from(1)
        }
    }
}

/// Opens the interactive reader on the given paths (the demo corpus when none).
fn read(cli: &Cli) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() {
        return Err(Failure::Input(
            "stdout is not a terminal: use `rehash scan` to print the findings".into(),
        ));
    }
    let config = commands::config(cli.config.as_deref())?;
    let options = cli.engine.apply(&config.engine);
    let corpus = commands::load(&cli.paths)?;
    let report = commands::analyse(&corpus, &options)?;
    let tui = rehash::tui::TuiOptions {
        no_color: cli.no_color,
        mouse: !cli.no_mouse,
        config,
    };
    rehash::tui::run(corpus, report, tui).map_err(Failure::Runtime)
}
