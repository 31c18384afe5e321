package org.topolayer.notebooks;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts the rapaio Java kernel for Jupyter as its own {@code MainApp} does, with two start-up
 * failures of rapaio-jupyter-kernel 3.0.1 taken care of. Both come from Jupyter connecting to the
 * kernel's ports, and queueing requests, long before the kernel binds them (the kernel takes
 * seconds to start, more on a loaded machine):
 * <ul>
 * <li>{@code Channels.connect} binds the sockets before it installs its table of message
 * handlers; a queued request that arrives in between finds no table and kills the shell thread.
 * Here the table is, until connect() has returned, a map whose lookups wait for that.</li>
 * <li>Now and then the connection is made but no request ever reaches the shell socket (seen as
 * "Kernel didn't respond" after an established TCP connection). Here, when no request has arrived
 * {@value #FIRST_REQUEST_SECONDS} s after binding (Jupyter asks every second until the kernel
 * answers), the ports are closed and bound again, and Jupyter reconnects.</li>
 * </ul>
 * Also quieter than MainApp: java.util.logging stays at WARNING unless {@code -Dtopo.kernel.log}
 * says otherwise (MainApp sets FINEST, which floods stderr and, forwarded to log4j by Spark,
 * breaks Spark's code generation).
 */
public final class KernelMain {
    static final int FIRST_REQUEST_SECONDS = 20;
    private static final int BIND_ATTEMPTS = 5;

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter starts this through bin/topo-jupyter's"
                    + " kernel spec)");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.parse(System.getProperty("topo.kernel.log", "WARNING")));
        ConnectionProperties connection = Transform.fromJson(Files.readString(Path.of(args[0])),
                ConnectionProperties.class);
        for (int attempt = 1; ; attempt++) {
            Channels channels = new Channels(connection);
            RequestTable table = RequestTable.install(channels);
            channels.connect(MainApp.kernel);
            table.connected();
            if (attempt == BIND_ATTEMPTS || table.awaitFirstRequest(FIRST_REQUEST_SECONDS)) {
                channels.joinUntilClose();
                return;
            }
            System.err.println("topolayer kernel: no request from Jupyter " + FIRST_REQUEST_SECONDS
                    + " s after binding the ports; binding them again");
            channels.close();
        }
    }

    /**
     * Stands in for Channels' table of message handlers: lookups wait until connect() has filled
     * the real table, then go to it, and the first one is noted (Jupyter's first request).
     */
    static final class RequestTable extends AbstractMap<Object, Object> {
        private final Channels channels;
        private final Field field;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final CountDownLatch firstRequest = new CountDownLatch(1);
        private volatile Map<?, ?> handlers;

        private RequestTable(Channels channels, Field field) {
            this.channels = channels;
            this.field = field;
        }

        static RequestTable install(Channels channels) throws ReflectiveOperationException {
            Field field = Channels.class.getDeclaredField("handlers");
            field.setAccessible(true);
            RequestTable table = new RequestTable(channels, field);
            field.set(channels, table);
            return table;
        }

        /** After connect(): takes the table connect() made and stands in for it from now on. */
        void connected() throws IllegalAccessException {
            handlers = (Map<?, ?>) field.get(channels);
            field.set(channels, this);
            connected.countDown();
        }

        boolean awaitFirstRequest(long seconds) throws InterruptedException {
            return firstRequest.await(seconds, TimeUnit.SECONDS);
        }

        @Override
        public Object get(Object messageType) {
            try {
                connected.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            firstRequest.countDown();
            return handlers.get(messageType);
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
