package io.dceff.platform.jdbc;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs a {@link RetriedTransaction} method through {@link TransactionRetry}, outside its @Transactional. */
@RetriedTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) // before @Transactional (+200): the transaction is ours
public class RetriedTransactionInterceptor {

    @Inject
    TransactionRetry retry;

    @AroundInvoke
    Object retried(InvocationContext invocation) throws Exception {
        RetriedTransaction binding = invocation.getMethod().getAnnotation(RetriedTransaction.class);
        if (binding == null) {
            binding = invocation.getMethod().getDeclaringClass().getAnnotation(RetriedTransaction.class);
        }
        return retry.run(binding == null || binding.idempotent(), invocation::proceed);
    }
}
