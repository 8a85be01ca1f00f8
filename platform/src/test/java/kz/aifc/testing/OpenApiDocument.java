package kz.aifc.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** The running service's OpenAPI document ({@code /q/openapi}), read the way its tests ask about it. */
public final class OpenApiDocument {

    private final JsonPath doc;

    private OpenApiDocument(JsonPath doc) {
        this.doc = doc;
    }

    public static OpenApiDocument fetch() {
        return new OpenApiDocument(given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath());
    }

    /** The schema named by an operation's JSON response ({@code #/components/schemas/X}), or null. */
    public String responseRef(String path, String method, String status) {
        return doc.getString(response(path, method, status) + ".'$ref'");
    }

    /** The schema of the items of an operation's JSON array response, or null. */
    public String responseItemsRef(String path, String method, String status) {
        return doc.getString(response(path, method, status) + ".items.'$ref'");
    }

    /** The schema named by an operation's JSON request body, or null. */
    public String requestRef(String path, String method) {
        return doc.getString("paths.'" + path + "'." + method
                + ".requestBody.content.'application/json'.schema.'$ref'");
    }

    /** A named schema's properties by name. */
    public Map<String, Object> properties(String schema) {
        return doc.getMap("components.schemas." + schema + ".properties");
    }

    /** Every path with its operations by method. */
    public Map<String, Map<String, Object>> paths() {
        return doc.getMap("paths");
    }

    private static String response(String path, String method, String status) {
        return "paths.'" + path + "'." + method + ".responses.'" + status + "'.content.'application/json'.schema";
    }
}
