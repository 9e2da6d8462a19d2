package io.dceff.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded default's start timeout setting and its one-line report of a failed start. */
class EmbeddedSettingsTest {

    @Test
    void theStartTimeoutIsWrittenAsQuarkusDurationsAre() {
        assertThat(EmbeddedDefault.duration("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(EmbeddedDefault.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(EmbeddedDefault.duration("5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(EmbeddedDefault.duration("PT3M")).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> EmbeddedDefault.duration("soon"))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining("DCEFF_EMBEDDED_START_TIMEOUT");
        assertThatThrownBy(() -> EmbeddedDefault.duration("0")).isInstanceOf(EmbeddedStartException.class);
    }

    @Test
    void aFailedStartIsToldByMariaDbsOwnErrorLines() {
        String words = EmbeddedMariaDb.lastWords(List.of(
                "2026-11-27 10:11:05 0 [Warning] Could not increase number of max_open_files",
                "2026-11-27 10:47:27 0 [ERROR] Can't start server: Bind on TCP/IP port. Got error: 98: Address already in use",
                "2026-11-27 10:47:27 0 [ERROR] Do you already have another server running on port: 3306 ?",
                "2026-11-27 10:47:27 0 [ERROR] Aborting",
                ""));
        assertThat(words)
                .isEqualTo("2026-11-27 10:47:27 0 [ERROR] Can't start server: Bind on TCP/IP port. Got "
                        + "error: 98: Address already in use | 2026-11-27 10:47:27 0 [ERROR] Do you already have another "
                        + "server running on port: 3306 ? | 2026-11-27 10:47:27 0 [ERROR] Aborting");
    }

    @Test
    void withoutErrorLinesTheLastLinesTell() {
        assertThat(EmbeddedMariaDb.lastWords(List.of("a", "b", " ", "c", "d"))).isEqualTo("b | c | d");
        assertThat(EmbeddedMariaDb.lastWords(List.of())).isEqualTo("(nothing)");
    }
}
