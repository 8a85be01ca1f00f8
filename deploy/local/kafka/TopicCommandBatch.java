import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Exit;

/**
 * Runs Kafka's own kafka-topics command ({@code org.apache.kafka.tools.TopicCommand}) several times in a
 * single JVM, so creating a dozen topics costs one JVM start instead of a dozen.
 *
 * <p>Launched by deploy/local/kafka.sh in source-file mode:
 * {@code java -cp "<libs>/*" TopicCommandBatch.java < commands}. Standard input holds one kafka-topics
 * command per line, its arguments separated by blanks (no quoting); blank lines and lines starting with
 * {@code #} are skipped.
 *
 * <p>TopicCommand's package-private {@code execute(String...)} ends with Kafka's {@code Exit.exit(status)};
 * an exit procedure installed through Kafka's {@code Exit} hook turns that into an exception carrying the
 * status, so the JVM keeps running for the next line.
 *
 * <p>Exit status: 0 when every command succeeded, 1 when at least one failed, 2 when this Kafka version
 * does not have the expected entry point (the caller then falls back to one JVM per command).
 */
public final class TopicCommandBatch {

    private static final class ExitRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitRequested(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private TopicCommandBatch() {
    }

    public static void main(String[] ignored) throws Exception {
        Method execute;
        try {
            Class<?> topicCommand = Class.forName("org.apache.kafka.tools.TopicCommand");
            execute = topicCommand.getDeclaredMethod("execute", String[].class);
            execute.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("TopicCommand.execute(String...) is not available: " + e);
            System.exit(2);
            return;
        }
        Exit.setExitProcedure((status, message) -> {
            throw new ExitRequested(status);
        });

        int failures = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(trimmed.split("\\s+")));
            int status = run(execute, args.toArray(new String[0]));
            if (status != 0) {
                failures++;
                System.err.println("kafka-topics failed (status " + status + "): " + trimmed);
            }
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int run(Method execute, String[] args) {
        try {
            execute.invoke(null, (Object) args);
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExitRequested) {
                return ((ExitRequested) cause).status;
            }
            System.err.println("kafka-topics error: " + cause);
            return 1;
        } catch (ExitRequested e) {
            return e.status;
        } catch (IllegalAccessException e) {
            System.err.println("kafka-topics error: " + e);
            return 1;
        }
    }
}
