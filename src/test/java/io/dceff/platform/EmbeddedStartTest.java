package io.dceff.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.embedded.ReadyLine;
import org.junit.jupiter.api.Test;

/** What the embedded default says once it listens. */
class EmbeddedStartTest {

    @Test
    void theReadyLineSaysWhereToGoNext() {
        ReadyLine ready = new ReadyLine("127.0.0.1", 8080, "fixtures");
        assertThat(ready.loopbackOnly()).isTrue();
        assertThat(ready.line())
                .isEqualTo("dceff is ready: http://localhost:8080/ (dashboard) · API docs "
                        + "http://localhost:8080/q/swagger-ui · a token: fixtures/dev-token.sh regulator");
    }

    @Test
    void aServiceOpenedToOtherMachinesIsNotLoopbackOnly() {
        assertThat(new ReadyLine("0.0.0.0", 9000, "fixtures").loopbackOnly()).isFalse();
        assertThat(new ReadyLine("0.0.0.0", 9000, "fixtures").line())
                .startsWith("dceff is ready: http://localhost:9000/ ");
        assertThat(new ReadyLine("192.0.2.10", 9000, "fixtures").line())
                .startsWith("dceff is ready: http://192.0.2.10:9000/ ");
        assertThat(new ReadyLine("fd00::5", 9000, "fixtures").line())
                .startsWith("dceff is ready: http://[fd00::5]:9000/ ");
        assertThat(new ReadyLine("::1", 9000, "fixtures").loopbackOnly()).isTrue();
        assertThat(new ReadyLine("0.0.0.0", 9000, "fixtures").openWarning())
                .contains("anyone")
                .contains("QUARKUS_HTTP_HOST");
    }

    @Test
    void startedFromAnotherFolderTheReadyLineNamesTheTokenScriptInTheProject() {
        ReadyLine ready = new ReadyLine("127.0.0.1", 8080, "/home/me/dceff/fixtures");
        assertThat(ready.line()).endsWith(" · a token: /home/me/dceff/fixtures/dev-token.sh regulator");
        assertThat(new ReadyLine("0.0.0.0", 8080, "/home/me/dceff/fixtures").openWarning())
                .contains("/home/me/dceff/fixtures/dev-keys");
    }
}
