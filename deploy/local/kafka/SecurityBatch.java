import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Creates SCRAM-SHA-512 users and ACLs on the secured local broker in one JVM, as the broker's admin.
 *
 * <p>Launched by deploy/local/kafka.sh in source-file mode:
 * {@code java -cp "<libs>/*" SecurityBatch.java admin.properties < commands}. Standard input holds one command per
 * line (blank lines and lines starting with {@code #} are skipped; no quoting, fields separated by blanks):
 * <pre>
 * scram USER PASSWORD                                   create or replace USER's SCRAM-SHA-512 credential
 * allow USER OPERATION RESOURCE-TYPE PATTERN-TYPE NAME  allow User:USER OPERATION (READ, WRITE, DESCRIBE …) on
 *                                                       RESOURCE-TYPE (topic, group) NAME, LITERAL or PREFIXED
 * </pre>
 * Creating what exists already is not an error. Exit status 0 when everything was applied, 1 otherwise. Passwords
 * are never printed.
 */
public final class SecurityBatch {

    private static final int ITERATIONS = 8192;

    private SecurityBatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java SecurityBatch.java ADMIN_CLIENT_PROPERTIES < commands");
            System.exit(2);
        }
        Properties admin = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            admin.load(in);
        }
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = lines.readLine()) != null;) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\\s+");
            switch (f[0]) {
                case "scram" -> {
                    need(f, 3, number);
                    users.add(new UserScramCredentialUpsertion(f[1],
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), f[2]));
                }
                case "allow" -> {
                    need(f, 6, number);
                    AclOperation operation = AclOperation.fromString(f[2]);
                    ResourceType type = ResourceType.fromString(f[3].toUpperCase(Locale.ROOT));
                    PatternType pattern = PatternType.fromString(f[4].toUpperCase(Locale.ROOT));
                    if (operation == AclOperation.UNKNOWN || type == ResourceType.UNKNOWN
                            || pattern == PatternType.UNKNOWN) {
                        throw new IllegalArgumentException("line " + number + ": unknown operation, resource or pattern type");
                    }
                    acls.add(new AclBinding(new ResourcePattern(type, f[5], pattern),
                            new AccessControlEntry("User:" + f[1], "*", operation, AclPermissionType.ALLOW)));
                }
                default -> throw new IllegalArgumentException("line " + number + ": unknown command '" + f[0] + "'");
            }
        }
        try (Admin client = Admin.create(admin)) {
            if (!users.isEmpty()) {
                client.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
                System.out.println("SCRAM-SHA-512 credentials set: " + users.size());
            }
            if (!acls.isEmpty()) {
                client.createAcls(acls).all().get(60, TimeUnit.SECONDS);
                System.out.println("ACLs ensured: " + acls.size());
            }
        }
    }

    private static void need(String[] fields, int count, int line) {
        if (fields.length != count) {
            throw new IllegalArgumentException("line " + line + ": expected " + count + " fields, got " + fields.length);
        }
    }
}
