package kz.aifc.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import kz.aifc.events.codec.CloudEventCodec;
import kz.aifc.events.v1.LicenceChanged;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.Licences;

/**
 * Registers the demo firms' licences with licensing-service: {@code RegisterLicences BASE_URL TOKEN}.
 * A firm already registered (409) has its licence varied to the demo's ({@code PUT}), so the run script can call
 * it every time and an older demo licence is brought up to date.
 */
public final class RegisterLicences {

    private RegisterLicences() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: RegisterLicences BASE_URL ADMIN_TOKEN");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (LicenceChanged licence : Licences.of(DemoFirms.profiles(DemoFirms.defaultIds()))) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(args[0] + "/licences"))
                    .header("Authorization", "Bearer " + args[1])
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CloudEventCodec.toJson(licence)))
                    .build();
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            String outcome = "registered";
            if (answer.statusCode() == 409) {
                HttpRequest put = HttpRequest.newBuilder(URI.create(args[0] + "/licences/" + licence.firmId()))
                        .header("Authorization", "Bearer " + args[1])
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(CloudEventCodec.toJson(licence)))
                        .build();
                answer = http.send(put, HttpResponse.BodyHandlers.ofString());
                outcome = "already registered; varied to the demo licence";
            }
            if (answer.statusCode() / 100 == 2) {
                System.err.println("licence of " + licence.firmId() + ": " + outcome);
            } else {
                failures++;
                System.err.println("licence of " + licence.firmId() + ": HTTP " + answer.statusCode() + " " + answer.body());
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
