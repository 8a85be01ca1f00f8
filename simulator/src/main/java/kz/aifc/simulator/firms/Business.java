package kz.aifc.simulator.firms;

import java.util.List;

/** A firm's transaction flow: share of traffic, log-normal ticket size, direction mix and assets. */
public record Business(double trafficWeight, double medianUsd, double sigma, List<Double> directionWeights,
        List<String> assets) {

    public Business {
        if (directionWeights.size() != 5) {
            throw new IllegalArgumentException("directionWeights needs one weight per direction (5)");
        }
        directionWeights = List.copyOf(directionWeights);
        assets = List.copyOf(assets);
    }
}
