//! `TestApp`: a fresh server on port 0 with its own data (a temporary SQLite file or a fresh
//! PostgreSQL database), and `Person`: an HTTP client for one person, with one helper per endpoint.

use attune_server::{Config, Server};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

/// A password that meets the rules, for tests.
pub const PASSWORD: &str = "a calm evening walk by the river";

/// Which database a test runs on.
#[derive(Clone, Copy, Debug)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// A running server and where its data lives.
pub struct TestApp {
    pub server: Server,
    pub base: String,
    pub dir: tempfile::TempDir,
    /// The PostgreSQL database URL, when running on PostgreSQL.
    pub postgres_url: Option<String>,
}

/// The PostgreSQL URL for tests; `None` (skip) outside strict mode when unset.
pub fn postgres_url() -> Option<String> {
    match std::env::var("ATTUNE_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let strict = std::env::var("CI").is_ok_and(|v| v == "true")
                || std::env::var("ATTUNE_STRICT").is_ok_and(|v| v == "1");
            assert!(
                !strict,
                "ATTUNE_TEST_POSTGRES_URL is not set; PostgreSQL tests must run in strict mode"
            );
            eprintln!("skipping: ATTUNE_TEST_POSTGRES_URL is not set");
            None
        }
    }
}

/// A fresh, empty PostgreSQL database for one test; returns its URL.
async fn fresh_postgres_database() -> Option<String> {
    let admin_url = postgres_url()?;
    let name = format!("attune_t_{}", uuid::Uuid::new_v4().simple());
    let admin = attune_store::PostgresStore::open(&admin_url)
        .await
        .expect("connect to PostgreSQL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(admin.pool())
        .await
        .expect("create test database");
    admin.pool().close().await;
    let (prefix, _) = admin_url.rsplit_once('/').expect("URL has a database part");
    Some(format!("{prefix}/{name}"))
}

impl TestApp {
    /// A server on a fresh SQLite database.
    pub async fn spawn() -> TestApp {
        Self::spawn_on(Db::Sqlite)
            .await
            .expect("sqlite always available")
    }

    /// A server on a fresh SQLite database with some configuration changed.
    pub async fn spawn_with(change: impl FnOnce(&mut Config)) -> TestApp {
        Self::spawn_configured(Db::Sqlite, change)
            .await
            .expect("sqlite always available")
    }

    /// A server whose sessions outlast the clock jumps of tests that move time by days.
    pub async fn spawn_long_sessions() -> TestApp {
        Self::spawn_with(|c| {
            c.session_lifetime_hours = 24 * 365;
            c.idle_timeout_minutes = 60 * 24 * 365;
        })
        .await
    }

    /// A server on the given backend; `None` when PostgreSQL is not configured outside strict mode.
    pub async fn spawn_on(db: Db) -> Option<TestApp> {
        Self::spawn_configured(db, |_| {}).await
    }

    /// A server on the given backend with some configuration changed.
    pub async fn spawn_configured(db: Db, change: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let postgres_url = match db {
            Db::Sqlite => None,
            Db::Postgres => Some(fresh_postgres_database().await?),
        };
        let mut config = Config {
            data_dir: dir.path().join("data"),
            listen: "127.0.0.1:0".into(),
            database_url: postgres_url.clone(),
            kdf_profile: "test".into(),
            login_attempts_per_minute: 10_000,
            // Tests run jobs themselves (`run_jobs`), so the background loop stays out of the way.
            jobs_every_secs: 3600,
            ..Config::default()
        };
        change(&mut config);
        let server = attune_server::start(config).await.expect("server starts");
        let base = server.origin.clone();
        Some(TestApp {
            server,
            base,
            dir,
            postgres_url,
        })
    }

    /// A new person with their own cookie jar. Requests carry our Origin like a browser would.
    pub fn person(&self) -> Person {
        let mut headers = HeaderMap::new();
        headers.insert("origin", HeaderValue::from_str(&self.base).unwrap());
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        let client = Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap();
        Person {
            client,
            base: self.base.clone(),
            token: None,
            user_id: None,
            recovery: None,
        }
    }

    /// A person who has signed up (via the API) as `username`.
    pub async fn signed_up(&self, username: &str) -> Person {
        let mut p = self.person();
        let res = p.signup(username, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::CREATED, "signup of {username}");
        let body: Value = res.json().await.unwrap();
        p.token = Some(body["token"].as_str().unwrap().to_string());
        p.user_id = Some(body["user_id"].as_str().unwrap().to_string());
        p.recovery = Some(body["recovery_code"].as_str().unwrap().to_string());
        p
    }

    /// Two partners sharing a space; returns (a, b, space id).
    pub async fn couple(&self) -> (Person, Person, String) {
        let a = self.signed_up("alex").await;
        let b = self.signed_up("sam").await;
        let space = a.create_space("Our space", "Alex").await;
        let code = a.invite(&space).await;
        let res = b.accept(&code, "Sam").await;
        assert_eq!(res.status(), StatusCode::OK);
        (a, b, space)
    }

    /// Runs every due job now, as the background loop would; returns how many ran.
    pub async fn run_jobs(&self) -> usize {
        let state = &self.server.state;
        attune_server::services::reminders::ensure_sweep(state.store.as_ref(), state.clock.now())
            .await
            .expect("sweep job");
        attune_server::services::reminders::run_due_jobs(state, "test-worker")
            .await
            .expect("jobs run")
    }

    /// The SQLite database file.
    pub fn sqlite_path(&self) -> std::path::PathBuf {
        self.dir.path().join("data").join("attune.db")
    }

    /// The server's clock, to move time forward.
    pub fn clock(&self) -> &attune_server::clock::Clock {
        &self.server.state.clock
    }
}

/// One person's HTTP client.
pub struct Person {
    pub client: Client,
    pub base: String,
    pub token: Option<String>,
    pub user_id: Option<String>,
    pub recovery: Option<String>,
}

impl Person {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A request with the bearer token when there is one.
    pub fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let r = self.client.request(method, self.url(path));
        match &self.token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.req(reqwest::Method::GET, path).send().await.unwrap()
    }

    /// GET a page at `path`, expect 200 and return its HTML.
    pub async fn get_page(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), reqwest::StatusCode::OK, "GET {path}");
        res.text().await.unwrap()
    }

    /// GET `path`, expect 200 and return the JSON body.
    pub async fn get_json(&self, path: &str) -> Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), reqwest::StatusCode::OK, "GET {path}");
        res.json().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.req(reqwest::Method::POST, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, body: Value) -> Response {
        self.req(reqwest::Method::PUT, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str, body: Option<Value>) -> Response {
        let r = self.req(reqwest::Method::DELETE, path);
        match body {
            Some(b) => r.json(&b).send().await.unwrap(),
            None => r.send().await.unwrap(),
        }
    }

    /// A browser-style form post (cookie, Origin, form token).
    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    pub async fn signup(&mut self, username: &str, password: &str) -> Response {
        self.post(
            "/api/v1/auth/signup",
            json!({"username": username, "password": password}),
        )
        .await
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap()
    }

    pub async fn create_space(&self, name: &str, display_name: &str) -> String {
        let res = self
            .post(
                "/api/v1/spaces",
                json!({"name": name, "display_name": display_name}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json::<Value>().await.unwrap()["space_id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn invite(&self, space: &str) -> String {
        let res = self
            .post(&format!("/api/v1/spaces/{space}/invites"), json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json::<Value>().await.unwrap()["code"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn accept(&self, code: &str, display_name: &str) -> Response {
        self.post(
            "/api/v1/invites/accept",
            json!({"code": code, "display_name": display_name}),
        )
        .await
    }

    pub async fn space(&self, space: &str) -> Response {
        self.get(&format!("/api/v1/spaces/{space}")).await
    }

    /// The CSRF token of the signed-in page session (read from a page's hidden field).
    pub async fn csrf(&self) -> String {
        let html = self
            .client
            .get(self.url("/settings"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let marker = "name=\"csrf\" value=\"";
        let start = html.find(marker).expect("page has a csrf field") + marker.len();
        html[start..].split('"').next().unwrap().to_string()
    }
}

/// The JSON error code of a response.
pub async fn error_code(res: Response) -> (StatusCode, String, String) {
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    (
        status,
        body["error"]["code"].as_str().unwrap_or("").to_string(),
        body["error"]["message"].as_str().unwrap_or("").to_string(),
    )
}
