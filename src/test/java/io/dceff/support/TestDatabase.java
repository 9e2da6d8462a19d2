package io.dceff.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the embedded MariaDB and the identity provider for every {@code @QuarkusTest}: one database
 * and one provider for the whole run.
 */
@QuarkusTestResource(EmbeddedMariaDbTestResource.class)
@QuarkusTestResource(IdentityProviderTestResource.class)
public final class TestDatabase {
    private TestDatabase() {}
}
