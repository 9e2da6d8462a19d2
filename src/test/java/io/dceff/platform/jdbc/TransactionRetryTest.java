package io.dceff.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.TransactionRetry.OutcomeUnknownException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a failed write may have been stored after all, and when it surely was not. */
class TransactionRetryTest {

    /** A transaction manager whose commits fail as told, in order; afterwards they succeed. */
    static final class ScriptedTransactions implements TransactionManager {
        final Deque<Exception> commitFailures = new ArrayDeque<>();
        int status = Status.STATUS_NO_TRANSACTION;
        int commits;

        @Override
        public void begin() {
            status = Status.STATUS_ACTIVE;
        }

        @Override
        public void commit() throws RollbackException {
            status = Status.STATUS_NO_TRANSACTION;
            Exception failure = commitFailures.poll();
            if (failure instanceof RollbackException rollback) {
                throw rollback;
            }
            commits++;
        }

        @Override
        public void rollback() {
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {}

        @Override
        public void setTransactionTimeout(int seconds) {}

        @Override
        public Transaction getTransaction() {
            return null;
        }

        @Override
        public Transaction suspend() {
            return null;
        }

        @Override
        public void resume(Transaction transaction) {}
    }

    private final ScriptedTransactions transactions = new ScriptedTransactions();
    private final TransactionRetry retry = retry(transactions, 3);

    private static TransactionRetry retry(TransactionManager transactions, int maxAttempts) {
        TransactionRetry retry = new TransactionRetry();
        retry.transactions = transactions;
        retry.metrics = new SimpleMeterRegistry();
        DceffConfig.Transactions settings = (DceffConfig.Transactions) Proxy.newProxyInstance(
                DceffConfig.class.getClassLoader(),
                new Class<?>[] {DceffConfig.Transactions.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "maxAttempts" -> maxAttempts;
                    case "initialBackoff", "maxBackoff" -> Duration.ofMillis(2);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        retry.config = (DceffConfig) Proxy.newProxyInstance(
                DceffConfig.class.getClassLoader(), new Class<?>[] {DceffConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactions")) {
                        return settings;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return retry;
    }

    /** What Narayana throws when the connection broke during a commit: the driver's error kept as suppressed. */
    private static RollbackException commitLostTheConnection() {
        RollbackException e = new RollbackException("ARJUNA016053: Could not commit transaction.");
        e.addSuppressed(new SQLException("Connection reset", "08S01"));
        return e;
    }

    private static SQLException databaseDown() {
        return new SQLNonTransientConnectionException("Could not connect to address=(host=127.0.0.1)", "08000");
    }

    @Test
    void aCommitThatLostTheDatabaseAndARetryThatCouldNotReachItLeaveTheOutcomeUnknown() {
        transactions.commitFailures.add(commitLostTheConnection());
        AtomicInteger attempts = new AtomicInteger();
        Callable<String> work = () -> {
            if (attempts.incrementAndGet() > 1) {
                throw databaseDown();
            }
            return "stored";
        };
        assertThatThrownBy(() -> retry.run(true, work))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasRootCauseInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aWriteThatCannotBeRunTwiceIsNotRetriedAfterALostCommitAndItsOutcomeIsUnknown() {
        transactions.commitFailures.add(commitLostTheConnection());
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(false, () -> attempts.incrementAndGet()))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anOutageBeforeTheCommitIsAPlainOutageNothingWasStored() {
        assertThatThrownBy(() -> retry.run(true, () -> {
                    throw databaseDown();
                }))
                .isNotInstanceOf(OutcomeUnknownException.class)
                .isInstanceOf(TransactionRetry.TransactionFailedException.class)
                .satisfies(e -> assertThat(DatabaseErrors.isOutage(e)).isTrue());
    }

    @Test
    void aRetryThatCommitsAfterALostCommitAnswersNormally() {
        transactions.commitFailures.add(commitLostTheConnection());
        AtomicInteger attempts = new AtomicInteger();
        assertThat(retry.run(true, attempts::incrementAndGet)).isEqualTo(2);
        assertThat(transactions.commits).isEqualTo(1);
    }

    @Test
    void attemptsThatAllLoseTheCommitEndInAnUnknownOutcomeAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            transactions.commitFailures.add(commitLostTheConnection());
        }
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(true, attempts::incrementAndGet))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictRolledBackIsRetriedAndIsNeverInDoubt() {
        RollbackException conflict = new RollbackException("certification failed");
        conflict.addSuppressed(new SQLException("Deadlock found", "40001", 1213));
        transactions.commitFailures.add(conflict);
        assertThat(TransactionRetry.leftInDoubt(conflict, true)).isFalse();
        assertThat(TransactionRetry.leftInDoubt(commitLostTheConnection(), false))
                .isFalse();
        assertThat(retry.run(false, () -> "stored")).isEqualTo("stored");
    }
}
