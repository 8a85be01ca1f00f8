package kz.aifc.notification.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.notification.alerts.AlertView;

/** One page of alerts, newest first, with the total that matched the filters. */
@Schema(name = "AlertPage")
public record AlertPage(List<AlertView> items, int page, int size, long total) {
}
