package io.dceff.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded MariaDB for every {@code @QuarkusTest}: one database for the whole run. */
@QuarkusTestResource(EmbeddedMariaDbTestResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
