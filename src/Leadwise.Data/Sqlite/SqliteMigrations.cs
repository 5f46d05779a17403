namespace Leadwise.Data.Sqlite;

/// <summary>
/// The SQLite schema as numbered steps. A store records the last step applied in
/// <c>PRAGMA user_version</c> and applies the rest on open, in one transaction. Steps are never edited
/// once shipped: a change is a new step.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: the five export tables (column names are the export's headers in snake_case; timestamps
        // are UTC microseconds since 1970, booleans 0/1), the indexes later features look up by, and
        // the list of unknown columns kept aside.
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            company_name TEXT,
            email TEXT,
            role TEXT,
            user_bought_credit TEXT,
            user_used_credit TEXT,
            created_at INTEGER,
            updated_at INTEGER,
            extra TEXT
        );
        
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT,
            type TEXT,
            status TEXT,
            num_of_leads INTEGER,
            num_of_invites_sent INTEGER,
            num_of_invites_accepted INTEGER,
            num_of_replies_received INTEGER,
            user_id INTEGER NOT NULL,
            use_first_name INTEGER,
            deleted INTEGER,
            last_scheduled_to_scrape_at INTEGER,
            minimum_invites INTEGER,
            maximum_invites INTEGER,
            first_follow_ups_sent INTEGER,
            second_follow_ups_sent INTEGER,
            third_follow_ups_sent INTEGER,
            fourth_follow_ups_sent INTEGER,
            fifth_follow_ups_sent INTEGER,
            sixth_follow_ups_sent INTEGER,
            invites_withdrawn INTEGER,
            use_scraper_accounts INTEGER,
            created_at INTEGER,
            updated_at INTEGER,
            extra TEXT
        );
        
        CREATE TABLE messages (
            "order" INTEGER NOT NULL,
            type TEXT,
            campaign_id INTEGER NOT NULL,
            name TEXT,
            content TEXT,
            male_salutation TEXT,
            female_salutation TEXT,
            "interval" REAL,
            created_at INTEGER,
            updated_at INTEGER,
            extra TEXT,
            PRIMARY KEY (campaign_id, "order")
        ) WITHOUT ROWID;
        
        CREATE TABLE leads (
            id INTEGER PRIMARY KEY,
            user_id INTEGER,
            campaign_id INTEGER NOT NULL,
            name TEXT,
            first_name TEXT,
            last_name TEXT,
            gender TEXT,
            email TEXT,
            company_name TEXT,
            title TEXT,
            city TEXT,
            country TEXT,
            location TEXT,
            invite_sent_at INTEGER,
            invite_accepted INTEGER,
            invite_withdrawn_at INTEGER,
            first_follow_up_sent_at INTEGER,
            second_follow_up_sent_at INTEGER,
            third_follow_up_sent_at INTEGER,
            fourth_follow_up_sent_at INTEGER,
            fifth_follow_up_sent_at INTEGER,
            sixth_follow_up_sent_at INTEGER,
            first_email_follow_up_sent_at INTEGER,
            second_email_follow_up_sent_at INTEGER,
            email_follow_up_thread_id TEXT,
            replied INTEGER,
            existing_messages_count INTEGER,
            invite_attempts INTEGER,
            skip INTEGER,
            skip_reason TEXT,
            cds_employee_id TEXT,
            created_at INTEGER,
            updated_at INTEGER,
            extra TEXT
        );
        
        CREATE TABLE campaign_snapshots (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL,
            user_id INTEGER,
            status TEXT,
            num_of_invites_sent INTEGER,
            num_of_invites_accepted INTEGER,
            num_of_replies_received INTEGER,
            first_follow_ups_sent INTEGER,
            second_follow_ups_sent INTEGER,
            third_follow_ups_sent INTEGER,
            fourth_follow_ups_sent INTEGER,
            fifth_follow_ups_sent INTEGER,
            sixth_follow_ups_sent INTEGER,
            invites_withdrawn INTEGER,
            minimum_invites INTEGER,
            maximum_invites INTEGER,
            created_at INTEGER,
            updated_at INTEGER,
            extra TEXT
        );
        CREATE INDEX leads_by_campaign ON leads (campaign_id);
        CREATE INDEX campaigns_by_user ON campaigns (user_id);
        CREATE INDEX campaign_snapshots_by_campaign ON campaign_snapshots (campaign_id, created_at);

        CREATE TABLE extra_columns (
            table_name TEXT NOT NULL,
            column_name TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (table_name, column_name)
        ) WITHOUT ROWID;
        """,

        // 2: what scoring reads and writes besides the export. Events are deduplicated by the sender's
        // client_event_id or, when there is none, by derived_key (a hash of lead, type, time and url; see
        // EngagementEventKeys): both are UNIQUE constraints, not CREATE INDEX, so a bulk load (which drops
        // and rebuilds the named indexes) still sees every duplicate. Companies are keyed by their
        // normalised name (CompanyNameKey); name keeps the spelling last imported. Scores keep one row per
        // lead, the latest; subtotals and hits are JSON with the scoring models' names as text.
        """
        CREATE TABLE engagement_events (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL,
            type TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            client_event_id TEXT UNIQUE,
            url TEXT,
            campaign TEXT,
            properties TEXT,
            derived_key BLOB UNIQUE
        );
        CREATE INDEX engagement_events_by_lead ON engagement_events (lead_id, occurred_at);

        CREATE TABLE companies (
            name_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            domain TEXT,
            industry TEXT,
            employees INTEGER,
            target_market TEXT,
            country TEXT
        ) WITHOUT ROWID;
        CREATE INDEX companies_by_domain ON companies (domain);

        CREATE TABLE lead_scores (
            lead_id INTEGER PRIMARY KEY,
            total REAL NOT NULL,
            grade TEXT NOT NULL,
            subtotals TEXT NOT NULL,
            hits TEXT NOT NULL,
            as_of INTEGER NOT NULL
        );
        """,

        // 3: the model registry and model scores. A version's artifact is opaque bytes (the library that
        // trained it reads them back); promotions are a history, not a flag, so rollback can walk back.
        // Model scores are a table of their own beside lead_scores: point and model scores are computed
        // and refreshed independently.
        """
        CREATE TABLE models (
            version INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            summary TEXT NOT NULL,
            metadata TEXT NOT NULL,
            artifact BLOB NOT NULL
        );

        CREATE TABLE model_promotions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL REFERENCES models (version),
            promoted_at INTEGER NOT NULL
        );

        CREATE TABLE lead_model_scores (
            lead_id INTEGER PRIMARY KEY,
            model_version INTEGER NOT NULL,
            probability REAL NOT NULL,
            score INTEGER NOT NULL,
            grade TEXT NOT NULL,
            as_of INTEGER NOT NULL
        );
        """,

        // 4: API keys for the web API. Only the SHA-256 hash of a key's secret is kept (see ApiKeySecret: a fast
        // hash suits long random secrets), unique so a request's key is found by its hash. Revoking sets
        // revoked_at; rows are never deleted, so a revoked id is never reused for another key.
        """
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER,
            secret_hash BLOB NOT NULL UNIQUE
        );
        """,

        // 5: background jobs of the web API (an upload's import), kept in the store so any server node on the same
        // database answers for any job. A job is claimed by one node at a time through its lease (owner and expiry,
        // renewed while it runs), so an expired lease marks a job whose node died. input, result and errors are
        // JSON the job's kind writes; errors is an array of lines, capped by the job.
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            started_at INTEGER,
            finished_at INTEGER,
            input TEXT NOT NULL,
            progress_stage TEXT,
            progress_done INTEGER,
            progress_total INTEGER,
            result TEXT,
            errors TEXT NOT NULL,
            lease_owner TEXT,
            lease_expires_at INTEGER
        );
        """,

        // 6: an API key may be bound to one account (the export's user, by id); NULL is an install-wide key that sees
        // every account. No foreign key, as campaigns.user_id has none: the key's account is checked when it is
        // created, and users are only ever upserted, never deleted. The account filter itself runs through
        // campaigns_by_user and leads_by_campaign (step 1); the index here lists an account's keys.
        """
        ALTER TABLE api_keys ADD COLUMN account_id INTEGER;
        CREATE INDEX api_keys_by_account ON api_keys (account_id);
        """,

        // 7: a job's files (an import's upload) kept in the store beside the job, so whichever node claims the job can
        // run it, and a node that dies leaves them for the next claimer. Written in the job's own transaction and
        // deleted when it finishes; cut into chunks (JobFileChunk.MaxBytes) so no row grows with the upload. No foreign
        // key: SQLite does not enforce them here, and the stores delete the rows themselves. attempts counts claims,
        // so a job whose nodes keep dying is failed after Leadwise:Jobs:MaxAttempts instead of retried for ever.
        """
        ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE job_files (
            job_id TEXT NOT NULL,
            name TEXT NOT NULL,
            chunk INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (job_id, name, chunk)
        );
        """,

        // 8: a model version may belong to one account (the export's user, by id): `leadwise train --account` trains
        // on that account's leads only and saves the versions as its own; NULL is an install-wide model, as every
        // version saved before this step. Promotion stays one history per kind in model_promotions: a promotion
        // belongs to its version's account, so each (kind, account) has its own promoted version. No foreign key, as
        // api_keys.account_id (step 6). The index finds an account's versions.
        """
        ALTER TABLE models ADD COLUMN account_id INTEGER;
        CREATE INDEX models_by_account ON models (account_id);
        """,
    ];
}
