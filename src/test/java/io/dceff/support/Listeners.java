package io.dceff.support;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The addresses this machine listens on for a TCP port, from the kernel's tables (what {@code ss -ltn} shows). */
public final class Listeners {

    private static final String LISTEN = "0A";

    private Listeners() {}

    /** @return the local addresses of the listening sockets on the port, IPv4 and IPv6; empty if none */
    public static List<InetAddress> on(int port) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line :
                    Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(InetAddress.getByAddress(kernelOrder(local[0])));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp writes each 32-bit word of an address in the machine's (little-endian) byte order. */
    private static byte[] kernelOrder(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return bytes;
    }
}
