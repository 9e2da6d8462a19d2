package io.dceff.platform.jdbc;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write that runs as one whole transaction, run again (bounded, with backoff) when it meets a conflict
 * that rolled it back (InnoDB deadlock, Galera certification failure: 40001/1213) or a lost connection
 * (25S03, 08S01, 1047: a Galera node died or left the primary component). See {@link TransactionRetry}.
 * Inside a transaction that is already running, nothing is retried here: its owner retries the whole.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedTransaction {

    /**
     * True when running the write twice stores nothing twice (a unique key refuses the repeat, an upsert
     * merges it, an idempotency key replays it): then a connection lost while committing, when the
     * transaction may have committed after all, is retried too. False: that case answers 503.
     */
    @Nonbinding
    boolean idempotent() default true;
}
