@testable import FileFormats
import Testing

/// `DisjointParallelWork`: every element once, each context on one thread at a time, the
/// earliest error wins.
@Suite struct DisjointParallelWorkTests {
    /// A context that notices being used by two threads at once.
    final class Probe {
        var uses = 0
        var busy = false
        var overlapped = false
    }

    @Test func visitsEveryElementOnceWithOneContextPerThread() throws {
        var visits = Array(repeating: 0, count: 5_000)
        var contexts = (0..<3).map { _ in Probe() }
        try DisjointParallelWork.forEach(&visits, order: Array((0..<5_000).reversed()), contexts: &contexts) { visit, probe in
            if probe.busy { probe.overlapped = true }
            probe.busy = true
            visit += 1
            var spin = 0
            for k in 0..<200 { spin &+= k }  // some work, so the threads overlap
            if spin < 0 { visit = -1 }
            probe.uses += 1
            probe.busy = false
        }
        #expect(visits.allSatisfy { $0 == 1 })
        #expect(contexts.reduce(0) { $0 + $1.uses } == 5_000)
        #expect(contexts.allSatisfy { !$0.overlapped })
    }

    @Test func visitsOnlyTheListedElements() throws {
        var visits = Array(repeating: 0, count: 10)
        var contexts: [Void] = [(), ()]
        try DisjointParallelWork.forEach(&visits, order: [7, 2, 5], contexts: &contexts) { visit, _ in visit += 1 }
        #expect(visits == [0, 0, 1, 0, 0, 1, 0, 1, 0, 0])
    }

    @Test func rethrowsTheEarliestError() throws {
        struct Failed: Error, Equatable { let index: Int }
        var elements = Array(0..<2_000)
        var contexts: [Void] = [(), (), ()]
        #expect(throws: Failed(index: 100)) {
            try DisjointParallelWork.forEach(&elements, order: Array(0..<2_000), contexts: &contexts) { element, _ in
                if element == 100 || element == 1_500 { throw Failed(index: element) }
            }
        }
    }
}
