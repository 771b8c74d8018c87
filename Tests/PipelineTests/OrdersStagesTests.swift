import FlowMapping
import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// The inbound order stages against a scripted Omnium: delta polling, the event inbox, the
/// `external_order_sync` queue, merge on update, customers, quarantine.
final class OrdersStagesTests: XCTestCase {
    /// Wednesday 1 April 2026, 10:00 in Oslo: Maundy Thursday, Good Friday, the Easter weekend and
    /// Easter Monday follow.
    let businessDate = oslo("2026-04-01 10:00:00")

    var stages: [any Stage] {
        [ExtractOrders(), ExtractOrderCustomers(), TransformOrderCustomers(), TransformOrders(), LoadOrders()]
    }

    func makeHarness() throws -> OrdersHarness {
        try OrdersHarness(now: businessDate) { configuration in
            configuration.clickCollectOrderHandlingUID = "cc-handling"
            configuration.onlineOrderHandlingUID = "online-handling"
            configuration.clickCollectExpiryDays = 3
        }
    }

    static func line(_ id: String, sku: String, quantity: Decimal, price: Decimal) -> OmniumOrderLine {
        OmniumOrderLine(lineItemId: id, code: sku, productId: "p-\(sku)", displayName: "Vare \(sku)",
                        quantity: quantity, placedPrice: price, taxRate: 25)
    }

    static func clickAndCollect(_ id: String, store: String = "oslo", modified: Date,
                                customer: String? = nil) -> OmniumOrder {
        OmniumOrder(id: id, orderNumber: "N-\(id)", orderType: "ClickAndCollect", status: "New", storeId: "webshop",
                    billingCurrency: "NOK", customerId: customer,
                    orderForm: OmniumOrderForm(lineItems: [line("\(id)-1", sku: "SKU1", quantity: 2, price: 199.5)],
                                               shipments: [OmniumShipment(pickUpWarehouseCode: store)]),
                    modified: modified)
    }

    static func online(_ id: String, lines: [OmniumOrderLine], modified: Date, customer: String? = nil,
                       customerType: String? = nil) -> OmniumOrder {
        OmniumOrder(id: id, orderNumber: "N-\(id)", orderType: "Online", status: "New", storeId: "bergen",
                    billingCurrency: "NOK", customerId: customer, customerType: customerType,
                    orderForm: OmniumOrderForm(lineItems: lines), modified: modified)
    }

    func snapshot(_ harness: OrdersHarness, _ uid: String) throws -> FlowOrderSnapshot? {
        try harness.flow.read { try OrdersTable.fetchSnapshot(orderUid: uid, in: $0) }
    }

    // MARK: - Creation

    func testClickAndCollectIsParkedWithItsTaskAndAWorkingDayDeadlineAndOnlineIsConfirmed() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.clickAndCollect("CC-1", modified: oslo("2026-04-01 09:00:00"), customer: "kunde 1"))
        harness.omnium.put(Self.online("WEB-1", lines: [Self.line("w1", sku: "A", quantity: 1, price: 100)],
                                       modified: oslo("2026-04-01 09:30:00")))
        harness.omnium.put(OmniumPrivateCustomer(customerId: "kunde 1", firstName: "Åse", lastName: "Ødegård",
                                                 email: "ase@example.no"))
        let result = try await harness.run(stages)

        let cc = try XCTUnwrap(snapshot(harness, "CC-1"))
        XCTAssertEqual(cc.order.orderState, .parked)
        XCTAssertEqual(cc.order.type, .clickAndCollect)
        XCTAssertEqual(cc.order.storeUid, "oslo")
        XCTAssertEqual(cc.order.customerUid, FlowUID.sanitize("kunde 1"))
        // Thu 2 and Fri 3 April (Easter), the weekend and Easter Monday 6 April do not count:
        // Tue 7, Wed 8, Thu 9 April → the end of Thursday 9 April, Oslo time.
        XCTAssertEqual(cc.order.validUntil, oslo("2026-04-09 23:59:59"))
        XCTAssertEqual(cc.orderhandlings.map(\.orderHandlingUid), ["cc-handling"])
        XCTAssertEqual(cc.items.map(\.quantity), [200])
        XCTAssertEqual(cc.items.map(\.itemPrice), [19950])

        let web = try XCTUnwrap(snapshot(harness, "WEB-1"))
        XCTAssertEqual(web.order.orderState, .confirmed)
        XCTAssertNil(web.order.validUntil)
        XCTAssertEqual(web.orderhandlings.map(\.orderHandlingUid), ["online-handling"])

        let customer = try harness.flow.read { try CustomersTable.fetch(externalId: "kunde 1", in: $0) }
        XCTAssertEqual(customer?.customerUid, FlowUID.sanitize("kunde 1"))
        XCTAssertEqual(customer?.displayName, "Åse Ødegård")
        XCTAssertEqual(try harness.control.watermark(for: ExtractOrders.watermarkStream(orderType: "Online"))?.value,
                       OmniumDateFormat.string(from: oslo("2026-04-01 09:30:00")))
        XCTAssertEqual(try harness.control.watermark(for: "omnium.orders.ClickAndCollect.modified")?.value,
                       OmniumDateFormat.string(from: oslo("2026-04-01 09:00:00")), "one stream per order type")
        XCTAssertEqual(harness.outcome(result, "load.orders")?.notes.first,
                       "orders: created 2, reopened 0, refreshed 0, unchanged 0, skipped 0")
    }

    func testASecondRunAsksFromTheMarkMinusTheOverlapAndWritesNothing() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("WEB-1", lines: [Self.line("w1", sku: "A", quantity: 1, price: 100)],
                                       modified: oslo("2026-04-01 09:30:00")))
        try await harness.run(stages)
        harness.omnium.clearRequests()
        let second = try await harness.run(stages)
        XCTAssertEqual(harness.outcome(second, "load.orders")?.rowsWritten, 0)
        XCTAssertEqual(harness.outcome(second, "load.orders")?.rowsUnchanged, 1, "the overlap re-reads the order")
        let notes = harness.outcome(second, "extract.orders")?.notes ?? []
        XCTAssertTrue(notes.contains("Online: 1 from " + OmniumDateFormat.string(from: oslo("2026-04-01 09:28:00"))),
                      "\(notes)")
        XCTAssertEqual(harness.omnium.requests.filter { $0.hasPrefix("GET /api/Orders/") }, [])
    }

    // MARK: - Updates

    func testAnOnlineOrderChangedInOmniumIsReopenedWithLinesAddedUpdatedAndRemoved() async throws {
        let harness = try makeHarness()
        let first = [Self.line("l1", sku: "A", quantity: 1, price: 100), Self.line("l2", sku: "B", quantity: 1, price: 50)]
        harness.omnium.put(Self.online("WEB-2", lines: first, modified: oslo("2026-04-01 09:00:00")))
        try await harness.run(stages)
        XCTAssertEqual(try snapshot(harness, "WEB-2")?.order.orderState, .confirmed)

        let changed = [Self.line("l1", sku: "A", quantity: 3, price: 100), Self.line("l3", sku: "C", quantity: 1, price: 75)]
        harness.omnium.put(Self.online("WEB-2", lines: changed, modified: oslo("2026-04-01 09:45:00")))
        harness.clock.advance(by: 3600)
        let result = try await harness.run(stages)

        let order = try XCTUnwrap(snapshot(harness, "WEB-2"))
        XCTAssertEqual(order.order.orderState, .open)
        XCTAssertEqual(order.items.map(\.externalId), ["l1", "l3"])
        XCTAssertEqual(order.items.map(\.quantity), [300, 100])
        XCTAssertEqual(order.orderhandlings.map(\.orderHandlingUid), ["online-handling"], "tasks are kept")
        XCTAssertEqual(harness.outcome(result, "load.orders")?.notes.first,
                       "orders: created 0, reopened 1, refreshed 0, unchanged 0, skipped 0")
    }

    // MARK: - Inbox and queue

    func testAnOrderNamedByInboxEventsIsFetchedByIdWithOnePendingJobAndTheEventsProcessedAfterTheLoad() async throws {
        let harness = try makeHarness()
        // The delta will not return it: the watermark is past its modified time.
        try harness.control.setWatermark(OmniumDateFormat.string(from: oslo("2026-04-01 09:50:00")),
                                         for: ExtractOrders.watermarkStream(orderType: "ClickAndCollect"))
        harness.omnium.put(Self.clickAndCollect("CC-9", modified: oslo("2026-03-30 12:00:00")))
        for (id, status) in [("e1", "New"), ("e2", "InProgress")] {
            try harness.control.insertInboxEvent(InboxEvent(
                id: id, objectId: "CC-9", className: "Order", subClassName: "ClickAndcollect", category: "Workflow",
                status: status, receivedAt: harness.clock.now, payload: "{}"))
        }
        try harness.control.insertInboxEvent(InboxEvent(id: "pos", objectId: "POS-1", className: "Order",
                                                        subClassName: "Pos", receivedAt: harness.clock.now, payload: "{}"))
        try harness.control.insertInboxEvent(InboxEvent(id: "product", objectId: "P-1", className: "Product",
                                                        receivedAt: harness.clock.now, payload: "{}"))
        try await harness.run(stages)

        XCTAssertEqual(try snapshot(harness, "CC-9")?.order.orderState, .parked)
        let jobs = try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync)
        XCTAssertEqual(jobs.map(\.objectKey), ["CC-9"], "two events, one job")
        XCTAssertEqual(jobs.map(\.state), [.done])
        XCTAssertTrue(try XCTUnwrap(harness.control.inboxEvent(id: "e1")).isProcessed)
        XCTAssertTrue(try XCTUnwrap(harness.control.inboxEvent(id: "e2")).isProcessed)
        XCTAssertTrue(try XCTUnwrap(harness.control.inboxEvent(id: "pos")).isProcessed, "not an inbound type")
        XCTAssertFalse(try XCTUnwrap(harness.control.inboxEvent(id: "product")).isProcessed, "left for its consumer")
        XCTAssertEqual(harness.omnium.requests.filter { $0.hasPrefix("GET /api/Orders/") }, ["GET /api/Orders/CC-9"])
    }

    func testAnOrderThatCannotBeReadIsRetriedWithBackoffAndItsEventWaits() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.clickAndCollect("CC-5", modified: oslo("2026-03-01 12:00:00")))
        try harness.control.setWatermark(OmniumDateFormat.string(from: oslo("2026-04-01 09:00:00")),
                                         for: ExtractOrders.watermarkStream(orderType: "ClickAndCollect"))
        try harness.control.insertInboxEvent(InboxEvent(id: "e5", objectId: "CC-5", className: "Order",
                                                        receivedAt: harness.clock.now, payload: "{}"))
        harness.omnium.fail("/api/Orders/CC-5", status: 503)
        try await harness.run(stages)
        var job = try XCTUnwrap(harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync).first)
        XCTAssertEqual(job.state, .pending)
        XCTAssertEqual(job.attempts, 1)
        let wait = job.nextAttemptAt.timeIntervalSince(harness.clock.now)
        XCTAssertTrue((60...66).contains(wait), "backoff starts at one minute (+ up to 10 % jitter): \(wait)")
        XCTAssertFalse(try XCTUnwrap(harness.control.inboxEvent(id: "e5")).isProcessed)

        harness.omnium.fail("/api/Orders/CC-5", status: nil)
        harness.omnium.clearRequests()
        try await harness.run(stages)
        XCTAssertEqual(harness.omnium.requests.filter { $0.hasPrefix("GET /api/Orders/") }, [], "not due yet")
        XCTAssertNil(try snapshot(harness, "CC-5"))

        harness.clock.now = job.nextAttemptAt
        try await harness.run(stages)
        XCTAssertNotNil(try snapshot(harness, "CC-5"))
        job = try harness.control.syncJob(id: job.id)
        XCTAssertEqual(job.state, .done)
        XCTAssertTrue(try XCTUnwrap(harness.control.inboxEvent(id: "e5")).isProcessed)
        XCTAssertEqual(try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync).count, 1)
    }

    func testAJobWhoseOrderOmniumDoesNotHaveGoesDeadAndAJobLeftRunningIsRequeued() async throws {
        let harness = try makeHarness()
        try harness.control.insertInboxEvent(InboxEvent(id: "gone", objectId: "NO-SUCH", className: "Order",
                                                        receivedAt: harness.clock.now, payload: "{}"))
        // A run killed after claiming: its job is left running.
        harness.omnium.put(Self.clickAndCollect("CC-K", modified: oslo("2026-03-01 12:00:00")))
        try harness.control.setWatermark(OmniumDateFormat.string(from: oslo("2026-04-01 09:00:00")),
                                         for: ExtractOrders.watermarkStream(orderType: "ClickAndCollect"))
        try harness.control.enqueue(queue: SyncJob.Queue.externalOrderSync, objectKey: "CC-K")
        XCTAssertEqual(try harness.control.claimDueJobs(queue: SyncJob.Queue.externalOrderSync, kind: .inboundOrder).map(\.state), [.running])
        try await harness.run(stages)

        let jobs = try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync)
        XCTAssertEqual(jobs.first { $0.objectKey == "NO-SUCH" }?.state, .dead)
        XCTAssertTrue(try XCTUnwrap(harness.control.inboxEvent(id: "gone")).isProcessed, "nothing left to wait for")
        XCTAssertEqual(jobs.first { $0.objectKey == "CC-K" }?.state, .done)
        XCTAssertNotNil(try snapshot(harness, "CC-K"))
    }

    /// Issue 7's acceptance: an outbound POS-order push waiting (or left running) in `external_order_sync`
    /// is never taken by the inbound order extract, which would fetch it from Omnium, get 404 and kill it.
    func testAnOutboundJobInTheOrderQueueIsUntouchedByTheInboundExtract() async throws {
        let harness = try makeHarness()
        let pending = try harness.control.enqueue(queue: SyncJob.Queue.externalOrderSync, kind: .posOrderPush,
                                                  objectKey: "POS-OSLO-1-1001")
        let running = try harness.control.enqueue(queue: SyncJob.Queue.externalOrderSync, kind: .posOrderPush,
                                                  objectKey: "POS-OSLO-1-1002")
        XCTAssertEqual(try harness.control.claimDueJobs(queue: SyncJob.Queue.externalOrderSync, kind: .posOrderPush)
            .map(\.objectKey).sorted(), ["POS-OSLO-1-1001", "POS-OSLO-1-1002"])
        try harness.control.write { db in
            try db.execute(sql: "UPDATE sync_jobs SET state = 'pending' WHERE id = ?", arguments: [pending.id])
        }
        try await harness.run(stages)

        let after = try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync)
        let pendingAfter = try XCTUnwrap(after.first { $0.id == pending.id })
        XCTAssertEqual(pendingAfter.state, .pending)
        XCTAssertEqual(pendingAfter.kind, .posOrderPush)
        XCTAssertNil(pendingAfter.lastError)
        XCTAssertEqual(after.first { $0.id == running.id }?.state, .running, "only the POS worker requeues its own jobs")
        XCTAssertFalse(harness.omnium.requests.contains { $0.contains("POS-OSLO") }, "\(harness.omnium.requests)")
    }

    // MARK: - Quarantine

    func testAnOrderForAnUnknownStoreIsQuarantinedQueuedAndLoadsOnceTheStoreExists() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.clickAndCollect("CC-X", store: "tromso", modified: oslo("2026-04-01 09:00:00")))
        harness.omnium.put(Self.online("WEB-OK", lines: [Self.line("k", sku: "K", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:10:00")))
        let first = try await harness.run(stages)
        XCTAssertEqual(harness.outcome(first, "transform.orders")?.quarantined, 1)
        XCTAssertNotNil(try snapshot(harness, "WEB-OK"), "the rest of the batch loads")
        XCTAssertNil(try snapshot(harness, "CC-X"))
        let record = try XCTUnwrap(harness.control.quarantined(entity: "order", recordKey: "CC-X"))
        XCTAssertEqual(record.reason, "unknown store: pickup store 'tromso' (shipment pickUpWarehouseCode) is not a Flow store")
        XCTAssertNotNil(record.sourcePayload)
        let job = try XCTUnwrap(harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync).first)
        XCTAssertEqual(job.objectKey, "CC-X")
        XCTAssertEqual(job.state, .pending)
        XCTAssertEqual(try harness.control.watermark(for: ExtractOrders.watermarkStream(orderType: "ClickAndCollect"))?.value,
                       OmniumDateFormat.string(from: oslo("2026-04-01 09:00:00")), "the queue holds CC-X, so the mark moves")
        XCTAssertTrue(first.succeeded)
        XCTAssertEqual(first.manifest.queueBacklog?.map(\.queue), [SyncJob.Queue.externalOrderSync],
                       "a succeeded run says what it left in a queue")
        XCTAssertEqual(first.manifest.queueBacklog?.first?.pending, 1)

        harness.stores.stores.append(FlowStoreRecord(storeUid: "tromso", name: "Tromsø", organizationUid: "org"))
        harness.clock.advance(by: 3 * 3600)
        try await harness.run(stages)
        XCTAssertEqual(try snapshot(harness, "CC-X")?.order.storeUid, "tromso")
        XCTAssertEqual(try harness.control.quarantined(entity: "order", recordKey: "CC-X")?.isOpen, false, "resolved")
        XCTAssertEqual(try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync, state: .pending), [])
    }

    func testOrdersWhoseIdsFoldAlikeBecomeTwoFlowOrders() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("EVIL/1", lines: [Self.line("a", sku: "A", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:00:00")))
        harness.omnium.put(Self.online("EVIL 1", lines: [Self.line("b", sku: "B", quantity: 2, price: 20)],
                                       modified: oslo("2026-04-01 09:01:00")))
        let result = try await harness.run(stages)
        XCTAssertEqual(harness.outcome(result, "transform.orders")?.quarantined, 0)
        let slash = try XCTUnwrap(snapshot(harness, try XCTUnwrap(FlowUID.sanitize("EVIL/1"))))
        let space = try XCTUnwrap(snapshot(harness, try XCTUnwrap(FlowUID.sanitize("EVIL 1"))))
        XCTAssertNotEqual(slash.order.orderUid, space.order.orderUid)
        XCTAssertEqual(slash.order.externalOrderNumber, "EVIL/1")
        XCTAssertEqual(space.order.externalOrderNumber, "EVIL 1")
        XCTAssertEqual(slash.items.map(\.sku), ["A"])
        XCTAssertEqual(space.items.map(\.sku), ["B"])
    }

    func testAmountsOutOfRangeAndNegativeQuantitiesQuarantineTheirOrderNamingFieldAndValue() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("WEB-HUGE", lines: [Self.line("h", sku: "H", quantity: 1, price: Decimal(string: "1e30")!)],
                                       modified: oslo("2026-04-01 09:00:00")))
        harness.omnium.put(Self.online("WEB-NEG", lines: [Self.line("n", sku: "N", quantity: -5, price: 100)],
                                       modified: oslo("2026-04-01 09:01:00")))
        harness.omnium.put(Self.online("WEB-OK", lines: [Self.line("k", sku: "K", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:02:00")))
        let result = try await harness.run(stages)
        XCTAssertEqual(harness.outcome(result, "transform.orders")?.quarantined, 2)
        XCTAssertNil(try snapshot(harness, "WEB-HUGE"))
        XCTAssertNil(try snapshot(harness, "WEB-NEG"))
        XCTAssertEqual(try snapshot(harness, "WEB-OK")?.order.orderTotal, 1000, "the rest loads")
        XCTAssertEqual(try harness.control.quarantined(entity: "order", recordKey: "WEB-HUGE")?.reason,
                       "line 'h': placedPrice 1000000000000000000000000000000 is outside ±10000000000000")
        XCTAssertEqual(try harness.control.quarantined(entity: "order", recordKey: "WEB-NEG")?.reason,
                       "line 'n': quantity -5 must not be negative")
    }

    /// A customer Omnium sends that the model cannot read is quarantined with its error and JSON and its
    /// order waits (as for a customer that could not be read), without the client repeating the read;
    /// once it reads, the order loads with it and the customer leaves the quarantine.
    func testAnUnreadableCustomerIsQuarantinedAndItsOrderWaits() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("WEB-C", lines: [Self.line("a", sku: "A", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:00:00"), customer: "kunde 9"))
        harness.omnium.put(OmniumPrivateCustomer(customerId: "kunde 9", firstName: "Nils"))
        harness.omnium.foreignMembers(#""tags":"vip""#, order: "kunde 9")
        try await harness.run(stages)
        XCTAssertNil(try snapshot(harness, "WEB-C"), "the order waits for its customer")
        let record = try XCTUnwrap(harness.control.quarantined(entity: "customer", recordKey: "kunde 9"))
        XCTAssertTrue(record.reason.contains("tags: expected a list"), record.reason)
        XCTAssertTrue(record.sourcePayload?.contains(#""tags":"vip""#) == true)
        XCTAssertEqual(harness.omnium.requests.filter { $0 == "GET /api/PrivateCustomers/kunde%209" || $0 == "GET /api/PrivateCustomers/kunde 9" }.count,
                       1, "an unreadable answer is not read again and again: \(harness.omnium.requests)")

        harness.omnium.foreignMembers(nil, order: "kunde 9")
        harness.clock.advance(by: 3 * 3600)
        try await harness.run(stages)
        XCTAssertEqual(try snapshot(harness, "WEB-C")?.order.customerUid?.hasPrefix("kunde_9"), true, "loaded with its customer")
        XCTAssertEqual(try harness.control.quarantined(entity: "customer", recordKey: "kunde 9")?.isOpen, false)
    }

    /// An order of a delta page the model cannot read is quarantined with its decoding error and raw
    /// JSON and queued; the other orders of the page load. Once Omnium sends it readably, the queued
    /// job reads it by id and it loads.
    func testAnUndecodableOrderIsQuarantinedAndQueuedWhileTheRestOfThePageLoads() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("WEB-1", lines: [Self.line("a", sku: "A", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:00:00")))
        harness.omnium.put(Self.online("WEB-2", lines: [Self.line("b", sku: "B", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:05:00")))
        harness.omnium.put(Self.online("WEB-3", lines: [Self.line("c", sku: "C", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 09:10:00")))
        harness.omnium.foreignMembers(#""tags":"vip""#, order: "WEB-2")
        let first = try await harness.run(stages)
        XCTAssertNotNil(try snapshot(harness, "WEB-1"))
        XCTAssertNotNil(try snapshot(harness, "WEB-3"))
        XCTAssertNil(try snapshot(harness, "WEB-2"))
        XCTAssertEqual(harness.outcome(first, "extract.orders")?.quarantined, 1)
        let record = try XCTUnwrap(harness.control.quarantined(entity: "order", recordKey: "WEB-2"))
        XCTAssertEqual(record.stage, "extract.orders")
        XCTAssertTrue(record.reason.contains("tags: expected a list"), record.reason)
        XCTAssertTrue(record.sourcePayload?.contains(#""tags":"vip""#) == true, record.sourcePayload ?? "")
        let job = try XCTUnwrap(harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync).first)
        XCTAssertEqual(job.objectKey, "WEB-2")

        harness.omnium.foreignMembers(nil, order: "WEB-2")
        harness.clock.advance(by: 3 * 3600)
        try await harness.run(stages)
        XCTAssertNotNil(try snapshot(harness, "WEB-2"))
        XCTAssertEqual(try harness.control.quarantined(entity: "order", recordKey: "WEB-2")?.isOpen, false, "resolved")
    }

    // MARK: - Customers

    func testUnknownCustomersAreReadFromOmniumAndAMissingOneDoesNotHoldTheOrder() async throws {
        let harness = try makeHarness()
        let line = [Self.line("x", sku: "X", quantity: 1, price: 10)]
        harness.omnium.put(Self.online("B2B-1", lines: line, modified: oslo("2026-04-01 08:00:00"),
                                       customer: "firma-1", customerType: "B2B"))
        harness.omnium.put(Self.online("GONE-1", lines: line, modified: oslo("2026-04-01 08:01:00"), customer: "ghost"))
        harness.omnium.put(OmniumBusinessCustomer(customerId: "firma-1", name: "Fjord AS", taxId: "NO999"))
        var done = Self.online("DONE-1", lines: line, modified: oslo("2026-04-01 08:02:00"), customer: "old-kunde")
        done.status = "Completed"
        harness.omnium.put(done)
        harness.omnium.put(OmniumPrivateCustomer(customerId: "old-kunde", firstName: "Ola"))
        let result = try await harness.run(stages)
        XCTAssertNil(try snapshot(harness, "DONE-1"), "a finished order Flow never had is not created")
        XCTAssertNil(try harness.flow.read { try CustomersTable.fetch(externalId: "old-kunde", in: $0) },
                     "nor is its customer")
        XCTAssertFalse(harness.omnium.requests.contains { $0.contains("old-kunde") }, "which is not even read")

        let company = try harness.flow.read { try CustomersTable.fetch(externalId: "firma-1", in: $0) }
        XCTAssertEqual(company?.type, .company)
        XCTAssertEqual(company?.companyName, "Fjord AS")
        XCTAssertNotNil(try snapshot(harness, "GONE-1"), "a customer Omnium lacks does not hold the order")
        XCTAssertNil(try harness.flow.read { try CustomersTable.fetch(externalId: "ghost", in: $0) })
        XCTAssertTrue(harness.outcome(result, "extract.order_customers")?.notes
            .contains("not found in Omnium (orders kept): ghost") ?? false)
        XCTAssertEqual(harness.omnium.requests.filter { $0.contains("Customers/firma-1") },
                       ["GET /api/BusinessCustomers/firma-1"], "B2B asks business customers first")
    }

    func testAnOrderWhoseCustomerCannotBeReadIsQueuedForARetry() async throws {
        let harness = try makeHarness()
        harness.omnium.put(Self.online("WEB-C", lines: [Self.line("x", sku: "X", quantity: 1, price: 10)],
                                       modified: oslo("2026-04-01 08:00:00"), customer: "c-1"))
        harness.omnium.put(OmniumPrivateCustomer(customerId: "c-1", firstName: "Kari"))
        harness.omnium.fail("/api/PrivateCustomers/c-1", status: 503)
        try await harness.run(stages)
        XCTAssertNil(try snapshot(harness, "WEB-C"))
        XCTAssertEqual(try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync, state: .pending)
            .map(\.objectKey), ["WEB-C"])

        harness.omnium.fail("/api/PrivateCustomers/c-1", status: nil)
        try await harness.run(stages)
        XCTAssertNotNil(try snapshot(harness, "WEB-C"))
        XCTAssertEqual(try harness.flow.read { try CustomersTable.fetch(externalId: "c-1", in: $0) }?.firstName, "Kari")
        XCTAssertEqual(try harness.control.syncJobs(queue: SyncJob.Queue.externalOrderSync, state: .done).count, 1)
    }
}
