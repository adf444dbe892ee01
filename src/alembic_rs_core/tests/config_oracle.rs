//! alembic.ini / pyproject.toml read natively and checked against real Alembic's `Config`
//! and `ScriptDirectory.from_config` on the same files (tests/fixtures/config_cases.json,
//! produced by tests/oracle/gen_scan_config_cases.py).

#[path = "fixtures/support.rs"]
mod support;

use std::path::PathBuf;

use alembic_rs_core::config::{
    AlembicConfig, ConfigError, ConfigSources, ConfigValue, ScriptLocation, ScriptOptions,
};
use serde_json::{Value, json};

fn error_json(err: &ConfigError) -> Value {
    let (kind, message) = match err {
        ConfigError::Command(m) => ("CommandError", m.clone()),
        ConfigError::Python { kind, message } | ConfigError::Ini { kind, message, .. } => {
            (*kind, message.clone())
        }
        ConfigError::Toml { message, .. } => ("TOMLDecodeError", message.clone()),
        ConfigError::Unsupported(m) => ("Unsupported", m.clone()),
    };
    json!({"ok": false, "type": kind, "message": message, "warnings": []})
}

fn ok(value: Value) -> Value {
    json!({"ok": true, "value": value, "warnings": []})
}

fn summary(opts: &ScriptOptions, root: &std::path::Path) -> Value {
    let dir = match &opts.script_location {
        ScriptLocation::Path { path, .. } => path.to_string_lossy().into_owned(),
        ScriptLocation::Package { spec, .. } => spec.clone(),
    };
    let version_paths = match opts.version_location_paths(root) {
        Ok(paths) => json!(
            paths
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        ),
        Err(_) => json!("NEEDS_PYTHON"),
    };
    json!({
        "dir": dir,
        "version_locations": opts.version_locations.clone().unwrap_or_default(),
        "_version_locations": version_paths,
        "file_template": opts.file_template,
        "truncate_slug_length": opts.truncate_slug_length,
        "sourceless": opts.sourceless,
        "output_encoding": opts.output_encoding,
        "timezone": opts.timezone,
        "hooks": opts.hooks,
        "recursive_version_locations": opts.recursive_version_locations,
        "prepend_sys_path": opts.prepend_sys_path,
    })
}

fn run_case(case: &Value) -> Value {
    let root = support::TempDir::new("config-oracle");
    for (rel, content) in case["files"].as_object().expect("files") {
        root.write(rel, content.as_str().expect("content"));
    }
    if case["migrations_dir"].as_bool().expect("bool") {
        std::fs::create_dir_all(root.path().join("migrations/versions")).expect("mkdir");
    }
    let mut sources = ConfigSources::new(
        case["ini"].as_str().map(PathBuf::from),
        case["toml"].as_str().map(PathBuf::from),
        root.path().to_path_buf(),
    );
    sources.ini_section = case["section"].as_str().expect("section").to_owned();
    let expected = &case["expected"];
    let rooted = |v: Value| -> Value {
        serde_json::from_str(&support::rooted(&v.to_string(), root.path())).expect("json")
    };

    let config = match AlembicConfig::load(sources) {
        Ok(c) => c,
        Err(err) => {
            let e = rooted(error_json(&err));
            let mut out = json!({"main_section": e, "hooks": e, "options": {}});
            for key in expected["options"].as_object().expect("options").keys() {
                out["options"][key] = e.clone();
            }
            if expected.get("from_config").is_some() {
                out["from_config"] = e;
            }
            return out;
        }
    };
    let mut out = json!({"options": {}});
    for key in expected["options"].as_object().expect("options").keys() {
        out["options"][key] = match config.get_alembic_option(key) {
            Ok(v) => ok(serde_json::to_value(v).expect("json")),
            Err(e) => error_json(&e),
        };
    }
    out["main_section"] = match config.get_section(config.ini_section()) {
        Ok(v) => ok(serde_json::to_value(v).expect("json")),
        Err(e) => error_json(&e),
    };
    out["hooks"] = match config.hooks_list() {
        Ok(v) => ok(serde_json::to_value(v).expect("json")),
        Err(e) => error_json(&e),
    };
    if expected.get("from_config").is_some() {
        out["from_config"] = match config.script_options() {
            Ok(opts) => {
                let mut v = ok(summary(&opts, root.path()));
                v["warnings"] = serde_json::to_value(
                    opts.warnings
                        .iter()
                        .map(|w| json!({"category": format!("{:?}", w.category), "message": w.message}))
                        .collect::<Vec<_>>(),
                )
                .expect("json");
                v
            }
            Err(e) => error_json(&e),
        };
    }
    rooted(out)
}

#[test]
fn configs_resolve_like_alembic() {
    let fixture = support::fixture("config_cases.json");
    let mut failures = Vec::new();
    for case in fixture["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let ours = run_case(case);
        let expected = &case["expected"];
        for part in ["main_section", "hooks", "from_config"] {
            if expected.get(part).is_some() && ours[part] != expected[part] {
                failures.push(format!(
                    "{name}.{part}:\n  ours {}\n  want {}",
                    ours[part], expected[part]
                ));
            }
        }
        for (key, want) in expected["options"].as_object().expect("options") {
            if &ours["options"][key] != want {
                failures.push(format!(
                    "{name}.options[{key}]:\n  ours {}\n  want {want}",
                    ours["options"][key]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn config_value_serialises_like_json() {
    let v = ConfigValue::List(vec![ConfigValue::Str("a".into()), ConfigValue::Int(3)]);
    assert_eq!(serde_json::to_value(&v).expect("json"), json!(["a", 3]));
}
