package io.dceff.platform.jdbc;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What a database failure means, told by SQLState, error code and exception type (never by message text):
 * a conflict that rolled the transaction back (an InnoDB deadlock, a Galera certification failure), a
 * connection lost mid-transaction or a node that cannot serve (a Galera node dying or leaving the primary
 * component), or an outage (the database cannot be reached at all).
 */
public final class DatabaseErrors {

    /** InnoDB deadlock; also what Galera reports for a certification failure (SQLState 40001). */
    static final int ER_LOCK_DEADLOCK = 1213;
    /** Galera: the node is not in the primary component ("WSREP has not yet prepared node"), SQLState 08S01. */
    static final int ER_UNKNOWN_COM_ERROR = 1047;
    /** MariaDB Connector/J: the connection broke and the driver has reconnected (to the next host of the URL). */
    static final String RECONNECTED = "25S03";
    /** The connection broke during a statement. */
    static final String COMMUNICATION_LINK_FAILURE = "08S01";

    private DatabaseErrors() {}

    /** The transaction lost a race (deadlock or certification conflict) and was rolled back: safe to run again. */
    public static boolean isConflict(Throwable e) {
        return any(
                e,
                t -> t instanceof SQLTransactionRollbackException
                        || t instanceof SQLException sql
                                && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == ER_LOCK_DEADLOCK));
    }

    /**
     * The connection of a running transaction broke (the driver may already have moved to the next host), or
     * the node cannot serve now: what was in flight may or may not have committed, and another attempt may
     * well succeed. A connection that cannot be opened at all (08000, 08001: the database is down) is not one.
     */
    public static boolean isConnectionLoss(Throwable e) {
        return any(
                e,
                t -> t instanceof SQLException sql
                        && (RECONNECTED.equals(sql.getSQLState())
                                || COMMUNICATION_LINK_FAILURE.equals(sql.getSQLState())
                                || sql.getErrorCode() == ER_UNKNOWN_COM_ERROR));
    }

    /**
     * The database cannot be used right now: a lost connection, a node out of the primary component, a local
     * transaction the pool could not start, commit or roll back on its connection (XAException), or a failure
     * of the pool itself (an SQLException without SQLState: no connection within the acquisition timeout, a
     * connection the pool has closed), since every error of the server and the driver carries an SQLState.
     */
    public static boolean isOutage(Throwable e) {
        return isConnectionLoss(e)
                || any(
                        e,
                        t -> t instanceof XAException
                                || t instanceof JDBCConnectionException
                                || t instanceof SQLTransientConnectionException
                                || t instanceof SQLNonTransientConnectionException
                                || t instanceof SQLException sql
                                        && (sql.getSQLState() != null
                                                        && sql.getSQLState().startsWith("08")
                                                || sql.getSQLState() == null && sql.getErrorCode() == 0));
    }

    /** A unique key or a foreign key refused the write: a duplicate, or a reference to nothing. */
    public static boolean isIntegrityViolation(Throwable e) {
        return any(
                e,
                t -> t instanceof ConstraintViolationException
                        || t instanceof SQLIntegrityConstraintViolationException);
    }

    /** Walks the causes and the suppressed exceptions (where the transaction manager keeps a failed commit's). */
    private static boolean any(Throwable e, Predicate<Throwable> test) {
        return any(e, test, 0);
    }

    private static boolean any(Throwable e, Predicate<Throwable> test, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (any(suppressed, test, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
