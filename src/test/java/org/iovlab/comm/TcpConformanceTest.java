package org.iovlab.comm;

class TcpConformanceTest extends ConformanceSuite {
    @Override
    Backend backend() {
        return Backend.TCP;
    }
}
