package org.topolayer.notebooks;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts the rapaio Java kernel for Jupyter as its own {@code MainApp} does, without a start-up
 * race of rapaio-jupyter-kernel 3.0.1: its {@code Channels.connect} binds the sockets before it
 * installs the table of message handlers, and a Jupyter client queues requests while the kernel
 * starts, so after a slow start (a class path of some 250 jars, a loaded machine) a request
 * arrives first, finds no table, and kills the shell thread; the client then waits forever for
 * its reply. Here the table is, until connect() has returned, a map whose lookups wait for that.
 *
 * <p>Also quieter than MainApp: java.util.logging stays at WARNING (MainApp sets FINEST, which
 * floods stderr and, forwarded to log4j by Spark, breaks Spark's code generation).
 */
public final class KernelMain {
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
        Channels channels = new Channels(connection);
        HandlersWhenReady waiting = HandlersWhenReady.install(channels);
        channels.connect(MainApp.kernel);
        waiting.connected.countDown();
        channels.joinUntilClose();
    }

    /** Stands in for Channels' handler table until connect() has filled the real one; get() waits for that. */
    static final class HandlersWhenReady extends AbstractMap<Object, Object> {
        private final Channels channels;
        private final Field table;
        private final CountDownLatch connected = new CountDownLatch(1);

        private HandlersWhenReady(Channels channels, Field table) {
            this.channels = channels;
            this.table = table;
        }

        static HandlersWhenReady install(Channels channels) throws ReflectiveOperationException {
            Field table = Channels.class.getDeclaredField("handlers");
            table.setAccessible(true);
            HandlersWhenReady waiting = new HandlersWhenReady(channels, table);
            table.set(channels, waiting);
            return waiting;
        }

        @Override
        public Object get(Object messageType) {
            try {
                connected.await();
                return ((Map<?, ?>) table.get(channels)).get(messageType);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
