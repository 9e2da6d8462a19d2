package io.dceff.registry.service;

/**
 * A data center's status at a date, as SQL: the registry owns the status history, and this is the one place its
 * SQL is written. Other capabilities ask {@link SiteStatus}, which embeds the subquery in its statements (the
 * closure rule's facts among them: one statement for every site at once, timed in BENCHMARK.md). The status at D is
 * the latest change effective on or before D, of changes effective the same day the one recorded last:
 * {@code AsOf.latest} over the history, read from the covering index ix_status_change_effective. Null when the data
 * center had no status yet (registered with a later effective date).
 */
final class StatusAt {

    private StatusAt() {}

    /**
     * A scalar subquery giving the status at the date bound to its one {@code ?} parameter.
     *
     * @param dataCenterId the SQL expression of the data center's id in the enclosing statement, e.g. {@code d.id}
     */
    static String sql(String dataCenterId) {
        return "(SELECT sc.to_status FROM data_center_status_change sc WHERE sc.data_center_id = " + dataCenterId
                + " AND sc.effective_on <= ? ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1)";
    }
}
