package io.dceff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** Who may be handed a development token: callers on the service's own machine, by their TCP address. */
class DevTokensTest {

    @Test
    void loopbackCallersAreThisMachine() {
        assertThat(DevTokens.fromThisMachine(SocketAddress.inetSocketAddress(50000, "127.0.0.1")))
                .isTrue();
        assertThat(DevTokens.isLoopback("127.0.0.1")).isTrue();
        assertThat(DevTokens.isLoopback("127.10.20.30")).as("all of 127/8").isTrue();
        assertThat(DevTokens.isLoopback("::1")).isTrue();
        assertThat(DevTokens.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DevTokens.isLoopback("::ffff:127.0.0.1"))
                .as("IPv4-mapped, as a dual-stack server reports it")
                .isTrue();
    }

    @Test
    void everyOtherCallerIsNot() {
        assertThat(DevTokens.fromThisMachine(SocketAddress.inetSocketAddress(50000, "192.168.1.20")))
                .isFalse();
        assertThat(DevTokens.isLoopback("10.0.0.7")).isFalse();
        assertThat(DevTokens.isLoopback("0.0.0.0")).isFalse();
        assertThat(DevTokens.isLoopback("fe80::1")).isFalse();
        assertThat(DevTokens.isLoopback("::ffff:192.168.1.20")).isFalse();
        assertThat(DevTokens.isLoopback("2001:db8::1")).isFalse();
    }

    @Test
    void namesAndOddAddressesAreNeverResolvedNorTrusted() {
        assertThat(DevTokens.isLoopback("localhost"))
                .as("a name is not what the server reports; not resolved")
                .isFalse();
        assertThat(DevTokens.isLoopback("")).isFalse();
        assertThat(DevTokens.fromThisMachine(null)).isFalse();
        assertThat(DevTokens.fromThisMachine(SocketAddress.domainSocketAddress("/tmp/x.sock")))
                .isFalse();
    }
}
