namespace Leadwise.Data.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered steps, equal in meaning to <c>SqliteMigrations</c> step for step
/// (same tables, columns, keys, unique constraints and indexes). A database records each step applied
/// in <c>leadwise_schema_version</c>; the rest are applied on open, in one transaction under an
/// advisory lock. Steps are never edited once shipped: a change is a new step, on both backends.
/// Types: timestamps are <c>timestamptz</c> (UTC, microseconds: what SQLite keeps as integer
/// microseconds), booleans <c>boolean</c>, credits <c>numeric</c> (keeps the export's scale), unknown
/// columns, event properties and score details <c>jsonb</c>, a model's metadata <c>json</c> (kept
/// byte for byte, as the trainer wrote it).
/// </summary>
internal static class PostgresMigrations
{
    public const string VersionTable = "leadwise_schema_version";

    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: the five export tables (column names are the export's headers in snake_case), the indexes
        // later features look up by, and the list of unknown columns kept aside. Rows carry their
        // account (user_id) where the export does: campaigns always, leads and snapshots when given.
        """
        CREATE TABLE users (
            id bigint PRIMARY KEY,
            company_name text,
            email text,
            role text,
            user_bought_credit numeric,
            user_used_credit numeric,
            created_at timestamptz,
            updated_at timestamptz,
            extra jsonb
        );

        CREATE TABLE campaigns (
            id bigint PRIMARY KEY,
            name text,
            type text,
            status text,
            num_of_leads integer,
            num_of_invites_sent integer,
            num_of_invites_accepted integer,
            num_of_replies_received integer,
            user_id bigint NOT NULL,
            use_first_name boolean,
            deleted boolean,
            last_scheduled_to_scrape_at timestamptz,
            minimum_invites integer,
            maximum_invites integer,
            first_follow_ups_sent integer,
            second_follow_ups_sent integer,
            third_follow_ups_sent integer,
            fourth_follow_ups_sent integer,
            fifth_follow_ups_sent integer,
            sixth_follow_ups_sent integer,
            invites_withdrawn integer,
            use_scraper_accounts boolean,
            created_at timestamptz,
            updated_at timestamptz,
            extra jsonb
        );

        CREATE TABLE messages (
            "order" integer NOT NULL,
            type text,
            campaign_id bigint NOT NULL,
            name text,
            content text,
            male_salutation text,
            female_salutation text,
            "interval" double precision,
            created_at timestamptz,
            updated_at timestamptz,
            extra jsonb,
            PRIMARY KEY (campaign_id, "order")
        );

        CREATE TABLE leads (
            id bigint PRIMARY KEY,
            user_id bigint,
            campaign_id bigint NOT NULL,
            name text,
            first_name text,
            last_name text,
            gender text,
            email text,
            company_name text,
            title text,
            city text,
            country text,
            location text,
            invite_sent_at timestamptz,
            invite_accepted boolean,
            invite_withdrawn_at timestamptz,
            first_follow_up_sent_at timestamptz,
            second_follow_up_sent_at timestamptz,
            third_follow_up_sent_at timestamptz,
            fourth_follow_up_sent_at timestamptz,
            fifth_follow_up_sent_at timestamptz,
            sixth_follow_up_sent_at timestamptz,
            first_email_follow_up_sent_at timestamptz,
            second_email_follow_up_sent_at timestamptz,
            email_follow_up_thread_id text,
            replied boolean,
            existing_messages_count integer,
            invite_attempts integer,
            skip boolean,
            skip_reason text,
            cds_employee_id text,
            created_at timestamptz,
            updated_at timestamptz,
            extra jsonb
        );

        CREATE TABLE campaign_snapshots (
            id bigint PRIMARY KEY,
            campaign_id bigint NOT NULL,
            user_id bigint,
            status text,
            num_of_invites_sent integer,
            num_of_invites_accepted integer,
            num_of_replies_received integer,
            first_follow_ups_sent integer,
            second_follow_ups_sent integer,
            third_follow_ups_sent integer,
            fourth_follow_ups_sent integer,
            fifth_follow_ups_sent integer,
            sixth_follow_ups_sent integer,
            invites_withdrawn integer,
            minimum_invites integer,
            maximum_invites integer,
            created_at timestamptz,
            updated_at timestamptz,
            extra jsonb
        );
        CREATE INDEX leads_by_campaign ON leads (campaign_id);
        CREATE INDEX campaigns_by_user ON campaigns (user_id);
        CREATE INDEX campaign_snapshots_by_campaign ON campaign_snapshots (campaign_id, created_at);

        CREATE TABLE extra_columns (
            table_name text NOT NULL,
            column_name text NOT NULL,
            position integer NOT NULL,
            PRIMARY KEY (table_name, column_name)
        );
        """,

        // 2: what scoring reads and writes besides the export. Events are deduplicated by the sender's
        // client_event_id or, when there is none, by derived_key (a hash of lead, type, time and url; see
        // EngagementEventKeys): both UNIQUE constraints, as on SQLite. Companies are keyed by their
        // normalised name (CompanyNameKey). Scores keep one row per lead, the latest.
        """
        CREATE TABLE engagement_events (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            lead_id bigint NOT NULL,
            type text NOT NULL,
            occurred_at timestamptz NOT NULL,
            client_event_id text UNIQUE,
            url text,
            campaign text,
            properties jsonb,
            derived_key bytea UNIQUE
        );
        CREATE INDEX engagement_events_by_lead ON engagement_events (lead_id, occurred_at);

        CREATE TABLE companies (
            name_key text PRIMARY KEY,
            name text NOT NULL,
            domain text,
            industry text,
            employees integer,
            target_market text,
            country text
        );
        CREATE INDEX companies_by_domain ON companies (domain);

        CREATE TABLE lead_scores (
            lead_id bigint PRIMARY KEY,
            total double precision NOT NULL,
            grade text NOT NULL,
            subtotals jsonb NOT NULL,
            hits jsonb NOT NULL,
            as_of timestamptz NOT NULL
        );
        """,

        // 3: the model registry and model scores. Versions are numbered across all kinds (max + 1, as
        // SQLite's rowid does, taken under a table lock); promotions are a history, not a flag.
        """
        CREATE TABLE models (
            version integer PRIMARY KEY,
            kind text NOT NULL,
            created_at timestamptz NOT NULL,
            summary text NOT NULL,
            metadata json NOT NULL,
            artifact bytea NOT NULL
        );

        CREATE TABLE model_promotions (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind text NOT NULL,
            version integer NOT NULL REFERENCES models (version),
            promoted_at timestamptz NOT NULL
        );

        CREATE TABLE lead_model_scores (
            lead_id bigint PRIMARY KEY,
            model_version integer NOT NULL,
            probability double precision NOT NULL,
            score integer NOT NULL,
            grade text NOT NULL,
            as_of timestamptz NOT NULL
        );
        """,

        // 4: API keys for the web API, as SQLite's step 4: only the SHA-256 hash of a key's secret is kept,
        // unique so a request's key is found by its hash; revoking sets revoked_at, rows are never deleted.
        """
        CREATE TABLE api_keys (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            created_at timestamptz NOT NULL,
            revoked_at timestamptz,
            secret_hash bytea NOT NULL UNIQUE
        );
        """,

        // 5: background jobs of the web API, claimed by one node at a time through the lease columns (see SQLite's
        // step 5). input, result and errors are json, kept byte for byte as the job wrote them.
        """
        CREATE TABLE jobs (
            id text PRIMARY KEY,
            kind text NOT NULL,
            state text NOT NULL,
            created_at timestamptz NOT NULL,
            started_at timestamptz,
            finished_at timestamptz,
            input json NOT NULL,
            progress_stage text,
            progress_done bigint,
            progress_total bigint,
            result json,
            errors json NOT NULL,
            lease_owner text,
            lease_expires_at timestamptz
        );
        """,

        // 6: the account an API key is bound to (see SQLite's step 6); NULL is an install-wide key.
        """
        ALTER TABLE api_keys ADD COLUMN account_id bigint;
        CREATE INDEX api_keys_by_account ON api_keys (account_id);
        """,

        // 7: a job's files in chunks beside the job and its claim count, as SQLite's step 7 (no foreign key on either
        // backend: the stores delete a finished job's files themselves).
        """
        ALTER TABLE jobs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
        CREATE TABLE job_files (
            job_id text NOT NULL,
            name text NOT NULL,
            chunk integer NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY (job_id, name, chunk)
        );
        """,

        // 8: the account a model version belongs to, as SQLite's step 8; NULL is an install-wide model.
        """
        ALTER TABLE models ADD COLUMN account_id bigint;
        CREATE INDEX models_by_account ON models (account_id);
        """,
    ];
}
