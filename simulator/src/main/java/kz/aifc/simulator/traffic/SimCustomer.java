package kz.aifc.simulator.traffic;

import java.util.SplittableRandom;
import kz.aifc.contract.v1.Customer;

/** A firm's customer; {@code inflowBias} keeps a clean customer to one side of the day, so AML-006 never fires. */
record SimCustomer(Customer customer, String fullName, String identifier, boolean inflowBias, String ip,
        String deviceId, long walletSeed) {

    String id() {
        return customer.id();
    }

    /** The customer's address at the firm for an asset; stable, so repeated deposits land on one address. */
    String depositAddress(String asset) {
        return Names.wallet(new SplittableRandom(walletSeed ^ asset.hashCode()), asset);
    }
}
