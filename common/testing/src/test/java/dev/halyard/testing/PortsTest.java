package dev.halyard.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    /** A bind to port 0 (the in-JVM Kafka broker's) takes its port from the ephemeral range: ours never come from it. */
    @Test
    void choosesPortsBelowTheKernelsEphemeralRangeThatCanBeBound() throws IOException {
        int below = Ports.ephemeralLow();
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= Ports.LOWEST && port < below,
                    port + " is outside [" + Ports.LOWEST + ", " + below + ")");
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            }
            chosen.add(port);
        }
        assertTrue(chosen.size() > 40, "chosen at random, not one port again and again: " + chosen.size());
    }

    @Test
    void neverChoosesAPortSomethingListensOn() throws IOException {
        int below = Ports.ephemeralLow();
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(Ports.free()));
            for (int i = 0; i < 200; i++) {
                assertTrue(Ports.free() != held.getLocalPort(), "chose the port held open");
            }
            assertTrue(held.getLocalPort() < below);
        }
    }
}
