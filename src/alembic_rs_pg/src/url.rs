//! A SQLAlchemy database URL (`postgresql+psycopg2://user:pw@host:5432/db?sslmode=require`)
//! as the connection libpq (under psycopg / psycopg2) would open, or why only the Python
//! driver can open it.
//!
//! The rule is conservatism: whatever could make libpq connect differently from what is
//! written in the URL — a `PG*` environment variable, a Unix-socket default, a client root
//! certificate that turns `sslmode=require` into verification, a query parameter not modelled
//! here — is [`UrlError::Unsupported`], and the caller leaves the run to Python.

use std::time::Duration;

use percent_encoding::percent_decode_str;

/// How TLS is negotiated (libpq's `sslmode`, the subset run natively).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    /// `disable` / `allow`: plain TCP (`allow` only upgrades when the server insists, and a
    /// server that insists makes the native connection fail, so Python then connects).
    Disable,
    /// `prefer` (libpq's default): TLS when the server offers it, without verification.
    Prefer,
    /// `require`: TLS or fail, without certificate verification (libpq's meaning when no
    /// root certificate is configured).
    Require,
}

/// Where and how to connect.
#[derive(Clone, Debug)]
pub struct ConnectTarget {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: Option<String>,
    pub dbname: Option<String>,
    pub tls: TlsMode,
    pub application_name: Option<String>,
    pub options: Option<String>,
    pub connect_timeout: Option<Duration>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The URL is valid, but only the Python driver reproduces what it means.
    #[error("{0}")]
    Unsupported(String),
}

fn unsupported(what: impl Into<String>) -> UrlError {
    UrlError::Unsupported(what.into())
}

fn unquote(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// `urllib.parse.unquote_plus`, as `parse_qsl` decodes query values.
fn unquote_plus(s: &str) -> String {
    unquote(&s.replace('+', " "))
}

impl ConnectTarget {
    /// Parses a `postgresql[+driver]://` URL the way SQLAlchemy's `make_url` splits it.
    /// `env` gives the process environment (for the `PG*` check).
    pub fn from_sqlalchemy_url<'e>(
        url: &str,
        env: impl IntoIterator<Item = (&'e str, &'e str)>,
        root_cert_exists: bool,
    ) -> Result<Self, UrlError> {
        if let Some((name, _)) = env.into_iter().find(|(k, _)| k.starts_with("PG")) {
            return Err(unsupported(format!(
                "the environment sets {name}, which libpq reads"
            )));
        }
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| unsupported("not a URL"))?;
        match scheme.split_once('+') {
            None if scheme == "postgresql" => {}
            Some(("postgresql", "psycopg" | "psycopg2" | "psycopg2cffi")) => {}
            _ => return Err(unsupported(format!("the driver of {scheme}://"))),
        }
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        // userinfo ends at the last '@' before the path (SQLAlchemy: `[^:/]*(:[^@]*)?@`)
        let (userinfo, hostpart) = match rest.rfind('@') {
            Some(i) if !rest[..i].contains('/') => (Some(&rest[..i]), &rest[i + 1..]),
            _ => (None, rest),
        };
        let (hostport, database) = match hostpart.split_once('/') {
            Some((h, d)) => (h, Some(d)),
            None => (hostpart, None),
        };
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, after) = v6
                .split_once(']')
                .ok_or_else(|| unsupported("an unterminated IPv6 host"))?;
            (h.to_string(), after.strip_prefix(':'))
        } else {
            match hostport.split_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (hostport.to_string(), None),
            }
        };
        if host.is_empty() {
            return Err(unsupported("no host (libpq would use a Unix socket)"));
        }
        let port = match port {
            None | Some("") => 5432,
            Some(p) => p
                .parse::<u16>()
                .map_err(|_| unsupported(format!("the port {p:?}")))?,
        };
        let (user, password) = match userinfo {
            Some(info) => match info.split_once(':') {
                Some((u, p)) => (unquote(u), Some(unquote(p))),
                None => (unquote(info), None),
            },
            None => (String::new(), None),
        };
        if user.is_empty() {
            return Err(unsupported("no user name (libpq would use the OS user's)"));
        }
        let dbname = database.filter(|d| !d.is_empty()).map(unquote);

        let mut target = ConnectTarget {
            host,
            port,
            user,
            password,
            dbname,
            tls: TlsMode::Prefer,
            application_name: None,
            options: None,
            connect_timeout: None,
        };
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (unquote_plus(key), unquote_plus(value));
            match key.as_str() {
                "sslmode" => {
                    target.tls = match value.as_str() {
                        "disable" | "allow" => TlsMode::Disable,
                        "prefer" => TlsMode::Prefer,
                        "require" => TlsMode::Require,
                        other => return Err(unsupported(format!("sslmode={other}"))),
                    }
                }
                "application_name" => target.application_name = Some(value),
                "options" => target.options = Some(value),
                "connect_timeout" => {
                    let secs: u64 = value
                        .parse()
                        .map_err(|_| unsupported(format!("connect_timeout={value}")))?;
                    target.connect_timeout = Some(Duration::from_secs(secs.max(2)));
                }
                other => return Err(unsupported(format!("the URL parameter {other}"))),
            }
        }
        if target.tls != TlsMode::Disable && root_cert_exists {
            return Err(unsupported(
                "a client root certificate (~/.postgresql/root.crt) makes libpq verify the server",
            ));
        }
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> Result<ConnectTarget, UrlError> {
        ConnectTarget::from_sqlalchemy_url(url, [], false)
    }

    #[test]
    fn splits_like_make_url() {
        let t =
            parse("postgresql+psycopg2://us%40er:p%3Aw@db.example.com:6543/app?sslmode=require")
                .unwrap();
        assert_eq!(t.user, "us@er");
        assert_eq!(t.password.as_deref(), Some("p:w"));
        assert_eq!(t.host, "db.example.com");
        assert_eq!(t.port, 6543);
        assert_eq!(t.dbname.as_deref(), Some("app"));
        assert_eq!(t.tls, TlsMode::Require);
        let t = parse("postgresql://postgres@127.0.0.1/x").unwrap();
        assert_eq!((t.port, t.tls), (5432, TlsMode::Prefer));
    }

    #[test]
    fn refuses_what_libpq_would_read_elsewhere() {
        assert!(parse("postgresql:///db").is_err());
        assert!(parse("postgresql://127.0.0.1/db").is_err());
        assert!(parse("postgresql+asyncpg://u@h/db").is_err());
        assert!(parse("postgresql://u@h/db?sslmode=verify-full").is_err());
        assert!(parse("postgresql://u@h/db?target_session_attrs=any").is_err());
        assert!(parse("postgresql://u@h:port/db").is_err());
        assert!(
            ConnectTarget::from_sqlalchemy_url("postgresql://u@h/db", [("PGPORT", "1")], false)
                .is_err()
        );
        assert!(ConnectTarget::from_sqlalchemy_url("postgresql://u@h/db", [], true).is_err());
    }
}
