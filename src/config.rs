//! Settings read from a TOML file: the reader's (keys, palette, colours), and the engine's
//! thresholds under `[engine]`. Draws nothing and talks to no terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use color_eyre::eyre::{WrapErr, eyre};
use ratatui::style::Color;
use serde::Deserialize;

use crate::app::ColorOverrides;
use crate::app::keymap::{Keymap, UserKeys};
use crate::reuse::Options;

/// Environment variable naming a config file, used when no path is given explicitly.
pub const CONFIG_ENV: &str = "REHASH_CONFIG";

/// When the reader uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColorChoice {
    /// Colour unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Never colour: highlights use reverse, underline and bold.
    Never,
}

/// Which palette the reader draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Dark or light after the terminal's background, when the terminal says (else light).
    #[default]
    Auto,
    /// Light ink on deep highlights.
    Dark,
    /// Dark ink on pale highlights.
    Light,
}

/// The names `[colors]` takes, in the order of their help.
pub const COLOR_NAMES: [&str; 14] = [
    "passage1", "passage2", "passage3", "passage4", "passage5", "passage6", "passage7", "passage8",
    "ink", "changed", "inserted", "search", "current", "accent",
];

/// The colours `[colors]` sets (names of [`COLOR_NAMES`], values such as `"#ffd7af"`, `"214"`
/// or `"lightblue"`), and what is wrong with the others.
fn color_overrides(colors: &BTreeMap<String, toml::Value>) -> (ColorOverrides, Vec<String>) {
    let mut overrides = ColorOverrides::default();
    let mut errors = Vec::new();
    for (name, value) in colors {
        let color = match value {
            toml::Value::String(text) => text.parse::<Color>().ok(),
            toml::Value::Integer(index) => u8::try_from(*index).ok().map(Color::Indexed),
            _ => None,
        };
        let Some(color) = color else {
            let shown = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            errors.push(format!("[colors] {name}: `{shown}` is not a colour"));
            continue;
        };
        let slot = match name.as_str() {
            "ink" => &mut overrides.ink,
            "changed" => &mut overrides.changed,
            "inserted" => &mut overrides.inserted,
            "search" => &mut overrides.search,
            "current" => &mut overrides.current,
            "accent" => &mut overrides.accent,
            other => {
                let passage = other
                    .strip_prefix("passage")
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| (1..=8).contains(n));
                let Some(n) = passage else {
                    errors.push(format!(
                        "[colors] unknown colour name `{name}` (the names: {})",
                        COLOR_NAMES.join(", ")
                    ));
                    continue;
                };
                &mut overrides.passages[n - 1]
            }
        };
        *slot = Some(color);
    }
    (overrides, errors)
}

/// Settings of the reader and the engine. Every field is optional in the file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Capture the mouse at start (wheel and clicks); off keeps the terminal's copy and paste.
    pub mouse: bool,
    /// Whether to use colour.
    pub color: ColorChoice,
    /// Start with synchronised scrolling of the two panes.
    pub sync_scroll: bool,
    /// Most megabytes the results cache may hold; the oldest corpora's results go first.
    pub cache_limit_mb: u64,
    /// The palette: after the terminal's background, dark or light.
    pub theme: ThemeChoice,
    /// Colours set by name over the palette's (the `[colors]` table), as written.
    colors: BTreeMap<String, toml::Value>,
    /// The colours of `[colors]` that could be read.
    #[serde(skip)]
    pub color_overrides: ColorOverrides,
    /// What is wrong with `[colors]`: those entries are left out.
    #[serde(skip)]
    pub color_errors: Vec<String>,
    /// The engine's thresholds (the `[engine]` table); command-line options override them.
    pub engine: Options,
    /// The user's key bindings (the `[keys.<view>]` tables) as read, until `parse` merges them
    /// into `keymap`.
    keys: UserKeys,
    /// The key tables in force: the defaults with the user's bindings, or the defaults alone
    /// when those have errors.
    #[serde(skip)]
    pub keymap: Keymap,
    /// What is wrong with the user's bindings, each naming its line.
    #[serde(skip)]
    pub key_errors: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            mouse: true,
            color: ColorChoice::Auto,
            sync_scroll: false,
            cache_limit_mb: 512,
            theme: ThemeChoice::Auto,
            colors: BTreeMap::new(),
            color_overrides: ColorOverrides::default(),
            color_errors: Vec::new(),
            engine: Options::default(),
            keys: UserKeys::default(),
            keymap: Keymap::default(),
            key_errors: Vec::new(),
        }
    }
}

impl Config {
    /// Loads the config from `path`, else from `$REHASH_CONFIG`, else from the user's config
    /// folder (`config.toml`); a missing default file gives the defaults.
    pub fn load(path: Option<&Path>) -> color_eyre::Result<Config> {
        if let Some(path) = path {
            return Self::read(path);
        }
        if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Self::read(Path::new(&path));
        }
        match default_path() {
            Some(path) if path.exists() => Self::read(&path),
            _ => Ok(Config::default()),
        }
    }

    /// Parses the text of a config file and checks the engine's thresholds. Errors in the key
    /// bindings leave the default keys in force, listed in `key_errors`.
    pub fn parse(text: &str) -> color_eyre::Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| format!("line {}: ", crate::text::line_of(text, s.start)));
            eyre!("{}{}", line.unwrap_or_default(), e.message().trim_end())
        })?;
        config
            .engine
            .validate()
            .map_err(|e| eyre!("[engine] {e}"))?;
        let colors = std::mem::take(&mut config.colors);
        (config.color_overrides, config.color_errors) = color_overrides(&colors);
        let keys = std::mem::take(&mut config.keys);
        match Keymap::with_user(&keys, text) {
            Ok(keymap) => config.keymap = keymap,
            Err(errors) => config.key_errors = errors,
        }
        Ok(config)
    }

    fn read(path: &Path) -> color_eyre::Result<Config> {
        let text = std::fs::read_to_string(path)
            .wrap_err_with(|| format!("cannot read config file {}", path.display()))?;
        Self::parse(&text).wrap_err_with(|| format!("invalid config file {}", path.display()))
    }
}

/// Where the config file is looked for: `explicit`, else `$REHASH_CONFIG`, else the user's
/// config folder.
pub fn path_looked_for(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit
        .map(Path::to_owned)
        .or_else(|| {
            std::env::var_os(CONFIG_ENV)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_path)
}

/// What each engine threshold means, for the default config's comments.
const ENGINE_NOTES: &[(&str, &str)] = &[
    ("ngram", "words per seed n-gram"),
    ("min_words", "shortest verbatim or near passage, in words"),
    ("max_df", "seeds in more documents than this are ignored"),
    (
        "max_gap",
        "largest gap, in words, bridged inside one passage",
    ),
    (
        "min_similarity",
        "lowest share of equal words of a near passage, 0..1",
    ),
    (
        "min_rewrite_score",
        "lowest distinctive-word score of a rewritten paragraph, 0..1",
    ),
    (
        "min_sentence_score",
        "the same for a rewritten sentence, 0..1",
    ),
    (
        "min_shared_words",
        "fewest distinctive words a rewrite shares",
    ),
    (
        "min_wording",
        "lowest share of word pairs kept by a rewrite, else same story, 0..1",
    ),
    (
        "boilerplate_share",
        "text in this share of all documents is boilerplate, 0..1",
    ),
    (
        "series_share",
        "text in this share of one outlet's articles is boilerplate, 0..1",
    ),
    (
        "boilerplate_min_docs",
        "fewest documents boilerplate text is in",
    ),
    (
        "stock_min_docs",
        "fewest articles of one outlet a stock phrase is in",
    ),
    (
        "lone_min_words",
        "one passage alone between two articles, with fewer words of evidence, is the same story",
    ),
];

/// A commented configuration holding every default: it parses back to [`Config::default`].
pub fn default_text() -> String {
    let defaults = Config::default();
    let mut out = String::from(
        "# rehash configuration. Every setting is optional; these are the defaults.\n\
         # `rehash config --path` says where rehash looks for this file.\n\n",
    );
    let mut setting = |note: &str, line: String| {
        out.push_str("# ");
        out.push_str(note);
        out.push('\n');
        out.push_str(&line);
        out.push_str("\n\n");
    };
    setting(
        "Capture the mouse at start (false keeps the terminal's own copy and paste).",
        format!("mouse = {}", defaults.mouse),
    );
    setting(
        "\"auto\": colour unless NO_COLOR is set; \"never\": reverse, underline and bold only.",
        "color = \"auto\"".to_owned(),
    );
    setting(
        "Start the compare view with synchronised scrolling.",
        format!("sync_scroll = {}", defaults.sync_scroll),
    );
    setting(
        "Most megabytes the results cache holds; the oldest corpora's results go first.",
        format!("cache_limit_mb = {}", defaults.cache_limit_mb),
    );
    setting(
        "\"auto\": the dark or light palette after the terminal's background; \"dark\"; \"light\".",
        "theme = \"auto\"".to_owned(),
    );
    let _ = writeln!(
        out,
        "# Colours over the palette's, by name: \"#rrggbb\", a 256-colour index or a name.\n\
         # None is set by default; the names: {}.\n\
         [colors]\n\
         # passage1 = \"#ffd7af\"\n\
         # accent = 214\n",
        COLOR_NAMES.join(", ")
    );
    out.push_str("# The engine's thresholds; command-line options override them.\n[engine]\n");
    let engine = toml::Value::try_from(&defaults.engine).unwrap_or(toml::Value::Boolean(false));
    for (name, note) in ENGINE_NOTES {
        if let Some(value) = engine.get(name) {
            let _ = writeln!(out, "# {note}\n{name} = {value}");
        }
    }
    out.push_str(
        "\n# Key bindings, per view ([keys.global]: every view). An action listed gets exactly\n\
         # the keys given; a key bound twice in one view is an error.\n",
    );
    out.push_str(&Keymap::default().config_text());
    out
}

/// The platform folders of rehash (config, cache, state), if the system has a home.
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "rehash")
}

/// Where the config file is looked for when neither a path nor `$REHASH_CONFIG` is given.
pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_text_parses_back_to_the_defaults() {
        let text = default_text();
        assert_eq!(Config::parse(&text).unwrap(), Config::default());
        for (name, _) in ENGINE_NOTES {
            assert!(text.contains(&format!("\n{name} = ")), "{name} missing");
        }
        assert!(text.lines().filter(|l| l.starts_with('#')).count() > 10);
        let fields = toml::Value::try_from(Options::default()).unwrap();
        let fields = fields.as_table().map_or(0, toml::Table::len);
        assert_eq!(fields, ENGINE_NOTES.len(), "every threshold has a note");
    }

    #[test]
    fn user_bindings_reach_the_keymap_and_bad_ones_leave_the_defaults_with_their_line() {
        let config =
            Config::parse("mouse = false\n[keys.compare]\nnext_passage = [\"ctrl-j\"]\n").unwrap();
        assert!(config.key_errors.is_empty());
        let key = config
            .keymap
            .key_for(crate::app::View::Compare, crate::app::Action::NextPassage);
        assert_eq!(key.as_deref(), Some("^J"));
        let config = Config::parse("[keys.compare]\nnext_passage = [\"x\"]\n").unwrap();
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.key_errors.len(), 1);
        assert!(
            config.key_errors[0].starts_with("line 2: `x`"),
            "{:?}",
            config.key_errors
        );
    }

    #[test]
    fn colours_are_set_by_name_and_bad_ones_are_left_out_with_a_message() {
        let text = "theme = \"dark\"\n[colors]\npassage2 = \"#102030\"\naccent = 214\n\
                    ink = \"not-a-colour\"\npassage9 = \"red\"\n";
        let config = Config::parse(text).unwrap();
        assert_eq!(config.theme, ThemeChoice::Dark);
        let o = config.color_overrides;
        assert_eq!(o.passages[1], Some(Color::Rgb(16, 32, 48)));
        assert_eq!(o.accent, Some(Color::Indexed(214)));
        assert_eq!(o.ink, None);
        assert_eq!(config.color_errors.len(), 2, "{:?}", config.color_errors);
        assert!(config.color_errors[0].contains("`not-a-colour` is not a colour"));
        assert!(config.color_errors[1].contains("unknown colour name `passage9`"));
    }

    #[test]
    fn a_toml_error_names_its_line() {
        let err = Config::parse("mouse = true\nsync_scroll = yes\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2: "), "{err}");
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn reads_every_field() {
        let text =
            "mouse = false\ncolor = \"never\"\nsync_scroll = true\n[engine]\nmin_words = 8\n";
        let config = Config::parse(text).unwrap();
        assert_eq!(
            config,
            Config {
                mouse: false,
                color: ColorChoice::Never,
                sync_scroll: true,
                cache_limit_mb: 512,
                engine: Options {
                    min_words: 8,
                    ..Options::default()
                },
                ..Config::default()
            }
        );
    }

    #[test]
    fn unknown_keys_are_rejected_by_name() {
        let err = Config::parse("mouse = true\ncolour = \"never\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
    }

    #[test]
    fn bad_engine_thresholds_are_rejected_with_their_name() {
        let err = Config::parse("[engine]\nmin_similarity = 2.0\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("min_similarity must be between 0 and 1"),
            "{err}"
        );
        let err = Config::parse("[engine]\nngrams = 4\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `ngrams`"), "{err}");
    }

    #[test]
    fn explicit_path_wins_and_missing_explicit_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "sync_scroll = true").unwrap();
        assert!(Config::load(Some(&path)).unwrap().sync_scroll);
        let missing = Config::load(Some(&dir.path().join("nope.toml"))).unwrap_err();
        assert!(format!("{missing:#}").contains("cannot read config file"));
    }
}
