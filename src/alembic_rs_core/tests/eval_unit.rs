//! The static evaluator's answers that do not need the oracle: errors and dynamic reasons.

use alembic_rs_core::eval::{EvalError, Evaluated, OpPosition, evaluate_source};
use alembic_rs_core::ops::{ObjectName, Op};

fn reason(evaluated: &Evaluated) -> &str {
    evaluated.dynamic_reason().expect("dynamic")
}

#[test]
fn a_syntax_error_is_located() {
    let err = evaluate_source("from alembic import op\n\ndef upgrade(:\n    pass\n").unwrap_err();
    let EvalError::Syntax { line, .. } = err;
    assert_eq!(line, 3);
}

#[test]
fn a_missing_function_is_dynamic() {
    let m = evaluate_source("from alembic import op\n\ndef upgrade():\n    pass\n").unwrap();
    assert_eq!(m.upgrade, Evaluated::Static(Vec::new()));
    assert!(reason(&m.downgrade).contains("no `downgrade`"));
}

#[test]
fn op_f_is_a_final_name() {
    let src = "from alembic import op\n\ndef upgrade():\n    op.drop_index(op.f('ix_a'), table_name='t')\n\ndef downgrade():\n    op.drop_index('ix_a', 't')\n";
    let m = evaluate_source(src).unwrap();
    let [Op::DropIndex(up)] = m.upgrade.ops().unwrap() else {
        panic!("{m:?}")
    };
    assert_eq!(up.index_name, ObjectName::conv("ix_a"));
    let [Op::DropIndex(down)] = m.downgrade.ops().unwrap() else {
        panic!("{m:?}")
    };
    assert_eq!(down.index_name, ObjectName::plain("ix_a"));
    assert_eq!(down.table_name.as_deref(), Some("t"));
}

#[test]
fn names_resolve_only_through_imports() {
    let cases = [
        // `sa` never imported.
        (
            "from alembic import op\n\ndef upgrade():\n    op.add_column('t', sa.Column('a', sa.Integer()))\n",
            "`sa` is not bound",
        ),
        // a keyword-only parameter given positionally is Python's TypeError.
        (
            "from alembic import op\n\ndef upgrade():\n    op.drop_table('t', 's')\n",
            "too many positional",
        ),
        // the dialect module was never imported.
        (
            "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.add_column('t', sa.Column('a', sa.dialects.postgresql.JSONB()))\n",
            "sqlalchemy.dialects",
        ),
        // an unknown op.
        (
            "from alembic import op\n\ndef upgrade():\n    op.batch_alter_table('t')\n",
            "op.batch_alter_table",
        ),
        // a parameter.
        (
            "from alembic import op\n\ndef upgrade(engine_name):\n    pass\n",
            "parameters",
        ),
        // a decorator.
        (
            "from alembic import op\nimport functools\n\n@functools.cache\ndef upgrade():\n    pass\n",
            "import functools",
        ),
    ];
    for (src, fragment) in cases {
        let m = evaluate_source(src).unwrap();
        let r = reason(&m.upgrade);
        assert!(r.contains(fragment), "{src}\n-> {r}");
    }
}

#[test]
fn ops_carry_the_position_of_their_call() {
    // as CPython's co_positions() gives it for the call: 1-based lines, 0-based byte columns
    // (UTF-8: the comment's `é` counts two), CRLF read as LF
    let src = "from alembic import op\r\nimport sqlalchemy as sa\r\n\r\ndef upgrade():\r\n    op.drop_table('t')  # é\r\n    op.create_table(\r\n        'é',\r\n        sa.Column('id', sa.Integer()),\r\n    )\r\n\r\ndef downgrade():\r\n    x = 1\r\n";
    let m = evaluate_source(src).unwrap();
    let at = |p: &OpPosition| (p.line, p.end_line, p.col, p.end_col);
    let positions: Vec<_> = m.positions(true).iter().map(at).collect();
    assert_eq!(positions, [(5, 5, 4, 22), (6, 9, 4, 5)]);
    assert!(m.positions(false).is_empty());
}

#[test]
fn module_level_values_are_read_when_python_shares_them_alike() {
    let head = "from alembic import op\nimport sqlalchemy as sa\n\n";
    // a module-level sa.table and rows, used by op.bulk_insert: static
    let src = format!(
        "{head}t = sa.table('t', sa.column('a', sa.Integer()))\nROWS = [{{'a': 1}}, {{'a': 2}}]\n\n\
         def upgrade():\n    op.bulk_insert(t, ROWS)\n    op.bulk_insert(t, [{{'a': 3}}])\n"
    );
    let m = evaluate_source(&src).unwrap();
    let [Op::BulkInsert(first), Op::BulkInsert(second)] = m.upgrade.ops().unwrap() else {
        panic!("{m:?}")
    };
    assert_eq!(first.table, second.table);
    assert_eq!(first.rows.len(), 2);
    // schema items that attach to one parent, types, op.f (no proxy at import time), and
    // names bound later than their use are left to Python
    for (module_level, fragment) in [
        (
            "c = sa.Column('a', sa.Integer())",
            "module-level assignment",
        ),
        ("ty = sa.Enum('x', name='e')", "module-level assignment"),
        ("n = op.f('ix_t_a')", "module-level assignment"),
        (
            "t2 = sa.table('t', sa.column('a', later))\nlater = sa.Integer()",
            "module-level",
        ),
    ] {
        let src = format!("{head}{module_level}\n\ndef upgrade():\n    pass\n");
        let m = evaluate_source(&src).unwrap();
        let r = reason(&m.upgrade);
        assert!(r.contains(fragment), "{module_level}\n-> {r}");
    }
}

#[test]
fn function_assignments_of_shareable_values_are_read() {
    let head = "from alembic import op\nimport sqlalchemy as sa\n\n";
    let src = format!(
        "{head}def upgrade():\n    roles = sa.table('roles', sa.column('name', sa.String()))\n    \
         op.bulk_insert(roles, [{{'name': 'admin'}}])\n"
    );
    let m = evaluate_source(&src).unwrap();
    let [Op::BulkInsert(insert)] = m.upgrade.ops().unwrap() else {
        panic!("{m:?}")
    };
    assert_eq!(insert.table.name, "roles");
    for (body, fragment) in [
        // a local name used before its assignment is Python's UnboundLocalError
        (
            "t = 'x'\n\ndef upgrade():\n    op.drop_table(t)\n    t = 'y'\n",
            "module-level name",
        ),
        // a column is attached to one table: not shared
        (
            "def upgrade():\n    c = sa.Column('a', sa.Integer())\n    op.add_column('t', c)\n",
            "does not share",
        ),
        // rebinding `op` leaves the function to Python
        (
            "def upgrade():\n    op = 'x'\n    op.drop_table('t')\n",
            "module-level name",
        ),
    ] {
        let m = evaluate_source(&format!("{head}{body}")).unwrap();
        let r = reason(&m.upgrade);
        assert!(r.contains(fragment), "{body}\n-> {r}");
    }
}
