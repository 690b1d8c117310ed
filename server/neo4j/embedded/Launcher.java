/*
 * Embedded Neo4j launcher: runs Neo4j 5.26 community in-process with a Bolt connector on 127.0.0.1,
 * so that planners never have to install a database server. Compiled once into
 * target/launcher/launcher-<hash>.jar (server/neo4j/embedded-jars.ts), then run as
 *
 *   java -cp 'target/launcher/launcher-<hash>.jar:target/lib/*' Launcher --home DIR --port N [--parent-pid P] [--page-cache 256m]
 *
 * The password of the `neo4j` user is taken from the environment (NEO4J_EMBEDDED_PASSWORD) and applied
 * on every start, so the Node side alone decides where it is kept.
 *
 * Protocol with the parent process (server/neo4j/embedded-neo4j.ts):
 *   - one line `NEO4J_READY {json}` on stdout once Bolt accepts connections;
 *   - one line `NEO4J_FAILED {json}` on stdout if start-up fails, then exit code 1;
 *   - the launcher shuts Neo4j down cleanly when its standard input closes (the parent died or
 *     asked it to stop), on SIGTERM/SIGINT, or when the parent pid it was given no longer exists.
 */

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;

public class Launcher {
    private static final AtomicBoolean stopping = new AtomicBoolean(false);
    private static final CountDownLatch stopped = new CountDownLatch(1);
    private static volatile DatabaseManagementService service;

    public static void main(String[] args) {
        String home = null;
        int port = 7687;
        long parentPid = -1;
        String pageCache = "256m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                case "--page-cache" -> pageCache = args[++i];
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (home == null) fail("--home is required");
        String password = System.getenv("NEO4J_EMBEDDED_PASSWORD");
        if (password == null || password.length() < 8) fail("NEO4J_EMBEDDED_PASSWORD must be set (8 characters at least)");

        try {
            Path homePath = Path.of(home).toAbsolutePath();
            Files.createDirectories(homePath);
            long t0 = System.nanoTime();
            service = new DatabaseManagementServiceBuilder(homePath)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Analysts reach the graph through a read-only console; no query may read the file system.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    // Bolt waits 5 s for its idle thread pool and 5 s for its connections on shutdown, after the
                    // databases are already closed: 10 s of every stop (and of every supervised restart) spent
                    // waiting for nothing. 1 s each is plenty for a single local client.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    // A local tool has no business phoning home, and the report is one more thing to start.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // db.memory.transaction.max: one query (a console query above all) may take a quarter of
                    // the heap, then fails alone instead of starving the others. Set here because Community
                    // has no dbms.setConfigValue to set it at run time (docs/console-and-present.md).
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, Runtime.getRuntime().maxMemory() / 4)
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-shutdown"));

            GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            try {
                system.executeTransactionally(
                        "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (RuntimeException e) {
                // Neo4j refuses to "change" a password to itself; on a restart with the kept password that is fine.
                if (!String.valueOf(rootCause(e).getMessage()).contains("cannot be the same")) throw e;
            }
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            waitForBolt(port);

            String version = Version.getNeo4jVersion();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("NEO4J_READY {\"bolt\":\"bolt://127.0.0.1:" + port + "\",\"version\":\"" + version
                    + "\",\"edition\":\"community\",\"pid\":" + ProcessHandle.current().pid() + ",\"startMs\":" + ms + "}");
            System.out.flush();
        } catch (Throwable t) {
            String msg = String.valueOf(rootCause(t).getMessage()).replace("\\", "\\\\").replace("\"", "'").replace("\n", " ");
            System.out.println("NEO4J_FAILED {\"message\":\"" + msg + "\"}");
            System.out.flush();
            t.printStackTrace(System.err);
            shutdown();
            System.exit(1);
        }

        watchStdin();
        if (parentPid > 0) watchParent(parentPid);
        try {
            stopped.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    private static void watchStdin() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) { /* any input is ignored; only EOF matters */ }
            } catch (Exception ignored) { }
            shutdown();
        }, "stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watchParent(long pid) {
        Thread t = new Thread(() -> {
            while (!stopping.get()) {
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    shutdown();
                    return;
                }
                try { Thread.sleep(500); } catch (InterruptedException e) { return; }
            }
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void shutdown() {
        if (!stopping.compareAndSet(false, true)) return;
        try {
            if (service != null) service.shutdown();
        } catch (Throwable t) {
            t.printStackTrace(System.err);
        } finally {
            stopped.countDown();
        }
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (Exception e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not open on 127.0.0.1:" + port + " within 30 s");
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("g")) { mult = 1L << 30; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("m")) { mult = 1L << 20; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("k")) { mult = 1L << 10; v = v.substring(0, v.length() - 1); }
        return Long.parseLong(v) * mult;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static void fail(String message) {
        System.out.println("NEO4J_FAILED {\"message\":\"" + message.replace("\"", "'") + "\"}");
        System.exit(2);
    }
}
