using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <summary>
    /// The tables of Quartz.NET 4.x's database job store (prefix qrtz_), which the nodes share to form one
    /// scheduling cluster (Features/Scheduling). They are not part of the EF model: Quartz reads and writes them
    /// itself and checks at start that every table and column it needs is there. The optional execution-history
    /// tables (execution_history, misfire_history, job_status) are not created: the history is not turned on.
    /// Times are ticks (bigint), as Quartz stores them.
    /// </summary>
    public partial class QuartzStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Jobs, and the triggers that fire them.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_job_details (
                    sched_name        text    NOT NULL,
                    job_name          text    NOT NULL,
                    job_group         text    NOT NULL,
                    description       text    NULL,
                    job_class_name    text    NOT NULL,
                    is_durable        boolean NOT NULL,
                    is_nonconcurrent  boolean NOT NULL,
                    is_update_data    boolean NOT NULL,
                    requests_recovery boolean NOT NULL,
                    job_data          bytea   NULL,
                    CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_triggers (
                    sched_name              text         NOT NULL,
                    trigger_name            text         NOT NULL,
                    trigger_group           text         NOT NULL,
                    job_name                text         NOT NULL,
                    job_group               text         NOT NULL,
                    description             text         NULL,
                    next_fire_time          bigint       NULL,
                    prev_fire_time          bigint       NULL,
                    priority                integer      NULL,
                    trigger_state           text         NOT NULL,
                    trigger_type            text         NOT NULL,
                    start_time              bigint       NOT NULL,
                    end_time                bigint       NULL,
                    calendar_name           text         NULL,
                    misfire_instr           smallint     NULL,
                    misfire_orig_fire_time  bigint       NULL,
                    execution_group         varchar(200) NULL,
                    preferred_node          varchar(200) NULL,
                    preferred_node_auto     boolean      NOT NULL DEFAULT false,
                    retry_policy            varchar(250) NULL,
                    retry_attempt           integer      NULL,
                    continues_trigger_name  text         NULL,
                    continues_trigger_group text         NULL,
                    continuation_condition  integer      NULL,
                    overlap_policy          integer      NULL,
                    pause_reason            varchar(250) NULL,
                    paused_by               varchar(200) NULL,
                    paused_at               bigint       NULL,
                    misfire_threshold       bigint       NULL,
                    fixed_delay             boolean      NULL,
                    job_data                bytea        NULL,
                    CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_triggers_job_details FOREIGN KEY (sched_name, job_name, job_group)
                        REFERENCES qrtz_job_details (sched_name, job_name, job_group)
                );
                """);

            // One table per kind of trigger, each row belonging to its row in qrtz_triggers.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_simple_triggers (
                    sched_name      text   NOT NULL,
                    trigger_name    text   NOT NULL,
                    trigger_group   text   NOT NULL,
                    repeat_count    bigint NOT NULL,
                    repeat_interval bigint NOT NULL,
                    times_triggered bigint NOT NULL,
                    CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_simple_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_cron_triggers (
                    sched_name      text NOT NULL,
                    trigger_name    text NOT NULL,
                    trigger_group   text NOT NULL,
                    cron_expression text NOT NULL,
                    time_zone_id    text NULL,
                    CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_cron_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_simprop_triggers (
                    sched_name    text    NOT NULL,
                    trigger_name  text    NOT NULL,
                    trigger_group text    NOT NULL,
                    str_prop_1    text    NULL,
                    str_prop_2    text    NULL,
                    str_prop_3    text    NULL,
                    int_prop_1    integer NULL,
                    int_prop_2    integer NULL,
                    long_prop_1   bigint  NULL,
                    long_prop_2   bigint  NULL,
                    dec_prop_1    numeric NULL,
                    dec_prop_2    numeric NULL,
                    bool_prop_1   boolean NULL,
                    bool_prop_2   boolean NULL,
                    time_zone_id  text    NULL,
                    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_simprop_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_blob_triggers (
                    sched_name    text  NOT NULL,
                    trigger_name  text  NOT NULL,
                    trigger_group text  NOT NULL,
                    blob_data     bytea NULL,
                    CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_blob_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
                );
                """);

            // Calendars, and the groups paused by an operator.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_calendars (
                    sched_name    text  NOT NULL,
                    calendar_name text  NOT NULL,
                    calendar      bytea NOT NULL,
                    CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_paused_trigger_grps (
                    sched_name    text         NOT NULL,
                    trigger_group text         NOT NULL,
                    pause_reason  varchar(250) NULL,
                    paused_by     varchar(200) NULL,
                    paused_at     bigint       NULL,
                    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_paused_job_grps (
                    sched_name   text         NOT NULL,
                    job_group    text         NOT NULL,
                    pause_reason varchar(250) NULL,
                    paused_by    varchar(200) NULL,
                    paused_at    bigint       NULL,
                    CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
                );
                """);

            // The cluster: firings in progress (recovered by another node when theirs dies), each node's
            // last check-in, and the rows the nodes lock to take turns.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_fired_triggers (
                    sched_name               text         NOT NULL,
                    entry_id                 text         NOT NULL,
                    trigger_name             text         NOT NULL,
                    trigger_group            text         NOT NULL,
                    instance_name            text         NOT NULL,
                    fired_time               bigint       NOT NULL,
                    sched_time               bigint       NOT NULL,
                    priority                 integer      NOT NULL,
                    state                    text         NOT NULL,
                    job_name                 text         NULL,
                    job_group                text         NULL,
                    is_nonconcurrent         boolean      NOT NULL,
                    requests_recovery        boolean      NULL,
                    execution_group          varchar(200) NULL,
                    progress                 integer      NULL,
                    progress_message         varchar(250) NULL,
                    interrupt_requested_time bigint       NULL,
                    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_scheduler_state (
                    sched_name        text        NOT NULL,
                    instance_name     text        NOT NULL,
                    last_checkin_time bigint      NOT NULL,
                    checkin_interval  bigint      NOT NULL,
                    quartz_version    varchar(20) NULL,
                    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_locks (
                    sched_name text NOT NULL,
                    lock_name  text NOT NULL,
                    CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
                );
                """);

            // The lookups Quartz makes on every round: due triggers by state and time, a job's triggers,
            // a group's members, a dead node's firings.
            migrationBuilder.Sql("""
                CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
                CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
                CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
                CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
                CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
                CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
                CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
                CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Children before parents; the indexes go with their tables.
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS qrtz_locks;
                DROP TABLE IF EXISTS qrtz_scheduler_state;
                DROP TABLE IF EXISTS qrtz_fired_triggers;
                DROP TABLE IF EXISTS qrtz_paused_job_grps;
                DROP TABLE IF EXISTS qrtz_paused_trigger_grps;
                DROP TABLE IF EXISTS qrtz_calendars;
                DROP TABLE IF EXISTS qrtz_blob_triggers;
                DROP TABLE IF EXISTS qrtz_simprop_triggers;
                DROP TABLE IF EXISTS qrtz_cron_triggers;
                DROP TABLE IF EXISTS qrtz_simple_triggers;
                DROP TABLE IF EXISTS qrtz_triggers;
                DROP TABLE IF EXISTS qrtz_job_details;
                """);
        }
    }
}
