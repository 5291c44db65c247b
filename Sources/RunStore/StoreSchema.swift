import GRDB

/// Migrations; GRDB records the applied ones in `grdb_migrations`, and
/// `store_info` keeps the schema version for analysts using the sqlite3 shell.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO store_info VALUES ('schema_version', '1');

                -- Input files by content: 16 MiB chunks, so any size fits SQLite's blob limit.
                CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes INTEGER NOT NULL, chunks INTEGER NOT NULL);
                CREATE TABLE blob_chunks (sha256 TEXT NOT NULL REFERENCES blobs(sha256),
                                          chunk INTEGER NOT NULL, data BLOB NOT NULL,
                                          PRIMARY KEY (sha256, chunk));

                CREATE TABLE portfolios (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL REFERENCES blobs(sha256),
                                         exposures INTEGER NOT NULL, total_ead REAL NOT NULL,
                                         source_path TEXT NOT NULL, imported_at TEXT NOT NULL);

                CREATE TABLE runs (run_key INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,
                                   status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'incomplete')),
                                   error TEXT, engine_version TEXT NOT NULL, as_of TEXT, seed INTEGER NOT NULL,
                                   pack TEXT NOT NULL, parameters TEXT NOT NULL, output_dir TEXT,
                                   started_at TEXT NOT NULL, finished_at TEXT, duration_ms INTEGER, pid INTEGER NOT NULL);
                CREATE INDEX runs_by_id ON runs(run_id);

                CREATE TABLE run_inputs (run_key INTEGER NOT NULL REFERENCES runs(run_key), role TEXT NOT NULL,
                                         path TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
                                         stored INTEGER NOT NULL);
                CREATE TABLE run_outputs (run_key INTEGER NOT NULL REFERENCES runs(run_key), path TEXT NOT NULL,
                                          sha256 TEXT NOT NULL, bytes INTEGER NOT NULL);
                -- Key results, one row per scenario, period and metric (EL, CET1 ratio, LCR; VaR/ES with scenario '').
                CREATE TABLE run_figures (run_key INTEGER NOT NULL REFERENCES runs(run_key), scenario TEXT NOT NULL,
                                          period TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL);
                CREATE INDEX run_figures_by_run ON run_figures(run_key, scenario, metric);
                """)
        }
        // v2: where each run's time went, stage by stage (`runs show`).
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE run_stages (run_key INTEGER NOT NULL REFERENCES runs(run_key), seq INTEGER NOT NULL,
                                         stage TEXT NOT NULL, seconds REAL NOT NULL, PRIMARY KEY (run_key, seq));
                UPDATE store_info SET value = '2' WHERE key = 'schema_version';
                """)
        }
        // v3: files uploaded through `stresspack serve` (scenarios, balance sheets), validated and
        // kept by content like every input, listed by kind for the API.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE uploads (sha256 TEXT NOT NULL REFERENCES blobs(sha256), kind TEXT NOT NULL,
                                      name TEXT NOT NULL, description TEXT NOT NULL, uploaded_at TEXT NOT NULL,
                                      -- What the validator read, as a JSON object of strings (framework, severity, as_of).
                                      attributes TEXT NOT NULL DEFAULT '{}',
                                      PRIMARY KEY (sha256, kind));
                UPDATE store_info SET value = '3' WHERE key = 'schema_version';
                """)
        }
        // v4: each stage's peak memory (`runs show`), so a run shows where its memory goes too.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                ALTER TABLE run_stages ADD COLUMN peak_bytes INTEGER;
                UPDATE store_info SET value = '4' WHERE key = 'schema_version';
                """)
        }
        return migrator
    }
}
