//! The JSON Schema of the Op JSON (`ops::json_schema`) equals its committed snapshot
//! `src/ops/op.schema.json`, from which `python/alembic/operations/_op_types.py` (the
//! Python-side typing of the op dicts) is generated: a change to the serde types that does
//! not regenerate both fails here.

use alembic_rs_core::ops::json_schema;

#[test]
fn op_json_schema_matches_the_committed_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ops/op.schema.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let current = json_schema();
    if committed != current {
        let first_difference = committed
            .lines()
            .zip(current.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(current.lines().count()));
        panic!(
            "the Op model's JSON Schema differs from {path} (first at line {}: committed {:?}, \
             current {:?}): run `python tools/write_op_types.py` to regenerate it and \
             python/alembic/operations/_op_types.py",
            first_difference + 1,
            committed.lines().nth(first_difference),
            current.lines().nth(first_difference),
        );
    }
}
