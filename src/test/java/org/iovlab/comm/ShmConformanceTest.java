package org.iovlab.comm;

class ShmConformanceTest extends ConformanceSuite {
    @Override
    Backend backend() {
        return Backend.SHM;
    }
}
