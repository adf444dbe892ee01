//! Configuration details outside the oracle fixture: CLI file selection, package script
//! locations, TOML substitution, laziness of pyproject errors, configparser corners.

#[path = "fixtures/support.rs"]
mod support;

use std::path::PathBuf;

use alembic_rs_core::config::{
    AlembicConfig, ConfigError, ConfigSources, ConfigValue, IniFile, ScriptLocation,
    config_file_names,
};
use support::TempDir;

fn load(
    root: &TempDir,
    ini: Option<&str>,
    toml: Option<&str>,
) -> Result<AlembicConfig, ConfigError> {
    AlembicConfig::load(ConfigSources::new(
        ini.map(PathBuf::from),
        toml.map(PathBuf::from),
        root.path().to_path_buf(),
    ))
}

fn s(v: &str) -> String {
    v.to_owned()
}

#[test]
fn cli_config_file_selection() {
    let pair = |toml: &str, ini: &str| Ok((s(toml), s(ini)));
    assert_eq!(
        config_file_names(&[], None),
        pair("pyproject.toml", "alembic.ini")
    );
    assert_eq!(
        config_file_names(&[], Some("")),
        pair("pyproject.toml", "alembic.ini")
    );
    assert_eq!(
        config_file_names(&[], Some("conf/my.ini")),
        pair("pyproject.toml", "conf/my.ini")
    );
    assert_eq!(
        config_file_names(&[], Some("a/pyproject.toml")),
        pair("a/pyproject.toml", "alembic.ini")
    );
    assert_eq!(
        config_file_names(&[s("x/pyproject.toml"), s("y.ini")], Some("z.ini")),
        pair("x/pyproject.toml", "y.ini")
    );
    assert_eq!(
        config_file_names(&[s("a.ini"), s("b.ini")], None),
        Err(ConfigError::Command(s(
            "only one ini file may be indicated"
        )))
    );
    assert_eq!(
        config_file_names(&[s("pyproject.toml"), s("x/pyproject.toml")], None),
        Err(ConfigError::Command(s(
            "pyproject.toml indicated more than once"
        )))
    );
}

#[test]
fn package_script_location_is_left_to_python() {
    let root = TempDir::new("config-unit-pkg");
    root.write(
        "alembic.ini",
        "[alembic]\nscript_location = mypkg.sub:migrations\n",
    );
    let opts = load(&root, Some("alembic.ini"), None)
        .and_then(|c| c.script_options())
        .expect("options");
    assert_eq!(
        opts.script_location,
        ScriptLocation::Package {
            spec: s("mypkg.sub:migrations"),
            package: s("mypkg.sub"),
            parts: vec![s("migrations")],
        }
    );
    assert_eq!(
        opts.version_location_paths(root.path()),
        Err(s("mypkg.sub:migrations"))
    );
}

#[test]
fn toml_substitution_and_errors() {
    let root = TempDir::new("config-unit-toml");
    root.write(
        "sub/pyproject.toml",
        "[tool.alembic]\nscript_location = \"%(here)s/m\"\npercent = \"100%%\"\n\
         missing = \"%(nope)s\"\nhalf = \"50%\"\nnum = 3\nflag = true\n\
         table = { a = \"%(here)s\" }\n",
    );
    let config = load(&root, None, Some("sub/pyproject.toml")).expect("load");
    let here = root.path().join("sub").to_string_lossy().into_owned();
    let get = |k: &str| config.get_alembic_option(k);
    assert_eq!(
        get("script_location"),
        Ok(Some(ConfigValue::Str(format!("{here}/m"))))
    );
    assert_eq!(get("percent"), Ok(Some(ConfigValue::Str(s("100%")))));
    assert_eq!(get("num"), Ok(Some(ConfigValue::Int(3))));
    assert_eq!(get("flag"), Ok(Some(ConfigValue::Bool(true))));
    assert_eq!(get("absent"), Ok(None));
    match get("table") {
        Ok(Some(ConfigValue::Dict(d))) => assert_eq!(d["a"], ConfigValue::Str(here.clone())),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        get("missing"),
        Err(ConfigError::Python {
            kind: "KeyError",
            message: s("'nope'")
        })
    );
    assert_eq!(
        get("half"),
        Err(ConfigError::Python {
            kind: "ValueError",
            message: s("incomplete format")
        })
    );
}

#[test]
fn broken_pyproject_only_fails_when_consulted() {
    let root = TempDir::new("config-unit-lazy");
    root.write("alembic.ini", "[alembic]\nscript_location = m\n");
    root.write("pyproject.toml", "[tool.alembic\nbroken");
    let config = load(&root, Some("alembic.ini"), Some("pyproject.toml")).expect("load");
    assert_eq!(config.get_main_option("script_location"), Ok(Some(s("m"))));
    assert_eq!(
        config.get_alembic_option("script_location"),
        Ok(Some(ConfigValue::Str(s("m"))))
    );
    assert!(matches!(
        config.get_alembic_option("timezone"),
        Err(ConfigError::Toml { .. })
    ));
}

#[test]
fn config_args_and_revision_environment() {
    let root = TempDir::new("config-unit-args");
    std::fs::create_dir_all(root.path().join("m")).expect("mkdir");
    root.write(
        "alembic.ini",
        "[alembic]\nscript_location = %(here)s/m\nrevision_environment = %(env)s\n\
         truncate_slug_length =  +4_0 \n",
    );
    let mut sources =
        ConfigSources::new(Some(PathBuf::from("alembic.ini")), None, root.path().into());
    sources.config_args.insert(s("env"), s("Maybe"));
    // Alembic overwrites a caller-supplied `here`.
    sources.config_args.insert(s("here"), s("/ignored"));
    let opts = AlembicConfig::load(sources)
        .and_then(|c| c.script_options())
        .expect("options");
    assert_eq!(opts.truncate_slug_length, 40);
    assert_eq!(
        opts.revision_environment_enabled(),
        Err(ConfigError::Python {
            kind: "ValueError",
            message: s("String is not true/false: 'maybe'")
        })
    );
    match &opts.script_location {
        ScriptLocation::Path { absolute, .. } => assert_eq!(absolute, &root.path().join("m")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn in_memory_config_without_files() {
    let root = TempDir::new("config-unit-mem");
    let config = load(&root, None, None).expect("load");
    assert_eq!(
        config.get_section("alembic").expect("ok").map(|m| m.len()),
        Some(1)
    );
    assert_eq!(config.get_main_option("here"), Ok(Some(s("."))));
    assert_eq!(
        config.script_options().map(|_| ()),
        Err(ConfigError::Command(s(
            "No 'script_location' key found in configuration."
        )))
    );
    // A named ini file that does not exist reads as empty, without sections.
    let config = load(&root, Some("nope.ini"), None).expect("load");
    assert_eq!(
        config.get_main_option("x"),
        Err(ConfigError::Command(s(
            "No config file 'nope.ini' found, or file has no '[alembic]' section"
        )))
    );
}

#[test]
fn ini_file_corners() {
    let mut ini = IniFile::with_defaults([("Here", "/h")]);
    let root = TempDir::new("config-unit-ini");
    let path = root.write(
        "a.ini",
        "[s]\nkey=v\n\tcontinued with tab\n[DEFAULT]\nd = %(here)s/d\n[DEFAULT]\ne = 1\n[t]\n",
    );
    assert_eq!(ini.read_file(&path), Ok(true));
    assert!(ini.has_section("s") && ini.has_section("t") && !ini.has_section("DEFAULT"));
    assert!(ini.has_option("t", "D") && ini.has_option("DEFAULT", "e"));
    assert_eq!(ini.get("s", "KEY"), Ok(Some(s("v\ncontinued with tab"))));
    assert_eq!(ini.get("t", "d"), Ok(Some(s("/h/d"))));
    let items: Vec<String> = ini
        .items("s")
        .expect("ok")
        .expect("some")
        .into_keys()
        .collect();
    assert_eq!(items, ["here", "d", "e", "key"]);
    assert_eq!(ini.read_file(&root.path().join("absent.ini")), Ok(false));
}
