package io.dceff.platform.embedded;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the embedded MariaDB as the last step of the application's shutdown. */
@ApplicationScoped
public class EmbeddedShutdown {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDefault.stopRunning();
    }
}
