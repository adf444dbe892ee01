//! Prints the JSON Schema of the Op JSON (`alembic_rs_core::ops::json_schema`);
//! `tools/write_op_types.py` runs it.

fn main() {
    print!("{}", alembic_rs_core::ops::json_schema());
}
