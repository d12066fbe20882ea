//! The `rehash` binary: parses the command line and runs the reader or a command.

use std::process::ExitCode;

use clap::Parser;
use rehash::cli::{Cli, Command};
use rehash::commands::{self, Failure};
use rehash::terminal::say;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = color_eyre::install() {
        eprintln!("rehash: {e}");
    }
    rehash::corpus::pdf::quiet_extraction_panics();
    let result = match &cli.command {
        Some(Command::Scan(args)) => {
            commands::stop_on_interrupt();
            commands::config(cli.config.as_deref()).and_then(|c| commands::scan(args, &c.engine))
        }
        Some(Command::Export(args)) => commands::export(args),
        Some(Command::Cache(args)) => commands::cache(args),
        Some(Command::Config(args)) => commands::show_config(args, cli.config.as_deref()),
        Some(Command::Generate(args)) => rehash::generate::write(args).map_err(Failure::from),
        None => commands::read(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            say(&rehash::text::printable(&message));
            ExitCode::from(2)
        }
        Err(Failure::Runtime(report)) => {
            say(&format!("{report:?}"));
            ExitCode::from(1)
        }
    }
}
