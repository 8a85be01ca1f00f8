package kz.aifc.platform.rulebook;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which rulebook is in force ({@code aifc.rulebook.*}). */
@ConfigMapping(prefix = "aifc.rulebook")
public interface RulebookConfig {

    /** A rulebook file to use instead of the bundled {@code rulebook.json}: another version without a rebuild. */
    Optional<String> location();
}
