package io.dceff.platform.audit;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records an audited write when it succeeds, inside the write's transaction (this interceptor runs within
 * the transactional one): the write and its audit event commit together or not at all. Writes outside an
 * HTTP request (sample data at start-up, scheduled jobs) have no caller to record and are not audited.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditInterceptor {

    @Inject
    AuditScope scope;

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        if (!Arc.container().requestContext().isActive() || !scope.begin()) {
            return invocation.proceed(); // no request, or an audited call inside another: the outer one records
        }
        try {
            Object result = invocation.proceed();
            scope.request().ifPresent(request -> trail.record(request, scope.dataCenters()));
            return result;
        } finally {
            scope.end();
        }
    }
}
