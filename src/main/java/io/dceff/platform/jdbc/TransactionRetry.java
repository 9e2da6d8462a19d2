package io.dceff.platform.jdbc;

import io.dceff.platform.DceffConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Runs a whole transaction again when the database says it may: on a Galera cluster a commit can lose a
 * certification race against a write on another node (40001/1213: rolled back, always safe to repeat), and
 * when a node dies its clients' connections break once (the driver reconnects to the next host: 25S03,
 * else 08S01; a node out of the primary component answers 1047). A connection lost during the commit leaves
 * the outcome unknown, so that case is retried only for idempotent writes; if no later attempt succeeds, the
 * failure is an {@link OutcomeUnknownException}, never a plain outage that would say nothing was stored. Attempts are bounded
 * ({@code dceff.transactions.max-attempts}), spaced by a jittered exponential backoff, and counted in the
 * metric {@code dceff_transaction_retries_total{reason}} (and {@code ..._exhausted_total} when they ran out).
 */
@ApplicationScoped
public class TransactionRetry {

    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);

    @Inject
    TransactionManager transactions;

    @Inject
    DceffConfig config;

    @Inject
    MeterRegistry metrics;

    /** A transaction that failed with a checked exception (a failed commit), unchecked. */
    public static class TransactionFailedException extends RuntimeException {
        TransactionFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The database was lost while a transaction was committing and no later attempt succeeded: the write may
     * or may not have been stored. The caller has to read it back (or retry with the same idempotency key).
     */
    public static class OutcomeUnknownException extends RuntimeException {
        OutcomeUnknownException(Exception cause) {
            super("the connection broke during the commit; the outcome is unknown: " + cause.getMessage(), cause);
        }
    }

    /** Runs {@code work} in a new transaction, retried; inside a running transaction just runs it. */
    public <T> T run(boolean idempotent, Callable<T> work) {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return work.call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransactionFailedException(e);
        }
        DceffConfig.Transactions settings = config.transactions();
        Duration backoff = settings.initialBackoff();
        boolean inDoubt = false;
        for (int attempt = 1; ; attempt++) {
            boolean committing = false;
            try {
                transactions.begin();
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    rollback();
                    throw e;
                }
                committing = true;
                transactions.commit();
                return result;
            } catch (Exception e) {
                rollback();
                inDoubt |= leftInDoubt(e, committing);
                String reason = retryable(e, committing, idempotent);
                if (reason == null) {
                    throw failure(e, inDoubt);
                }
                if (attempt >= settings.maxAttempts()) {
                    metrics.counter("dceff.transaction.retries.exhausted", "reason", reason)
                            .increment();
                    LOG.warnf("Transaction failed %d times (%s); giving up: %s", attempt, reason, e.getMessage());
                    throw failure(e, inDoubt);
                }
                metrics.counter("dceff.transaction.retries", "reason", reason).increment();
                LOG.debugf("Transaction attempt %d failed (%s), retrying: %s", attempt, reason, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** @return "conflict" or "connection" when running the transaction again is safe, else null */
    static String retryable(Throwable e, boolean committing, boolean idempotent) {
        if (DatabaseErrors.isConflict(e)) {
            return "conflict";
        }
        if (DatabaseErrors.isConnectionLoss(e) && (!committing || idempotent)) {
            return "connection";
        }
        return null;
    }

    /** A commit that failed because the database was lost may have committed on the server all the same. */
    static boolean leftInDoubt(Throwable e, boolean committing) {
        return committing && DatabaseErrors.isOutage(e);
    }

    /** Once an attempt's commit was in doubt, any later failure leaves the outcome unknown, whatever it was. */
    static RuntimeException failure(Exception e, boolean inDoubt) {
        if (inDoubt) {
            LOG.warnf(
                    "A write's outcome is unknown: its commit lost the database and no retry succeeded: %s",
                    e.getMessage());
            return new OutcomeUnknownException(e);
        }
        return unchecked(e);
    }

    private void rollback() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.debugf("Rollback after a failed attempt: %s", e.getMessage());
        }
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new TransactionFailedException(e);
    }

    private static void sleep(Duration backoff) {
        try {
            // full jitter: replicas that failed together do not retry together
            Thread.sleep(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", interrupted);
        }
    }
}
