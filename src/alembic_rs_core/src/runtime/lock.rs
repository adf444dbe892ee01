//! The advisory lock key of a version table, the same for every executor that serialises
//! runs with it (the native PostgreSQL one and Python's `PostgresqlImpl`).

/// md5 of `alembic_rs:<schema>.<table>`, first eight bytes, big-endian, signed.
pub fn advisory_lock_key(schema: Option<&str>, table: &str) -> i64 {
    use md5::Digest;
    let name = format!("alembic_rs:{}.{table}", schema.unwrap_or(""));
    let digest = md5::Md5::digest(name.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}
