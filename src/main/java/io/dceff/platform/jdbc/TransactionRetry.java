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
 * the outcome unknown, so that case is retried only for idempotent writes. Attempts are bounded
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
                String reason = retryable(e, committing, idempotent);
                if (reason == null) {
                    throw unchecked(e);
                }
                if (attempt >= settings.maxAttempts()) {
                    metrics.counter("dceff.transaction.retries.exhausted", "reason", reason)
                            .increment();
                    LOG.warnf("Transaction failed %d times (%s); giving up: %s", attempt, reason, e.getMessage());
                    throw unchecked(e);
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
