package dev.halyard.order;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.testing.Domain;
import dev.halyard.testing.OperationsContract;

@QuarkusTest
class OperationsTest extends OperationsContract {

    @Override
    protected Domain domain() {
        return Domain.ORDER;
    }
}
