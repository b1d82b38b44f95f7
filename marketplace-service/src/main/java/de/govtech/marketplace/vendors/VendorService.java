package de.govtech.marketplace.vendors;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registration, lookup and verification of vendors, with object-level checks. */
@ApplicationScoped
public class VendorService {

    private final Clock clock;

    public VendorService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public VendorView register(Caller caller, VendorRegistration body) {
        UUID vendorId = caller.requireVendor();
        if (Vendor.findById(vendorId) != null) {
            throw new DomainProblemException(VendorProblems.ALREADY_REGISTERED,
                    "Vendor " + vendorId + " is already registered");
        }
        if (Vendor.count("vatId", body.vatId()) > 0) {
            throw new DomainProblemException(VendorProblems.VAT_ID_TAKEN,
                    "Another vendor is registered with VAT id " + body.vatId(), "vatId");
        }
        Vendor vendor = new Vendor();
        vendor.id = vendorId;
        vendor.name = body.name().strip();
        vendor.legalForm = body.legalForm().strip();
        vendor.street = body.address().street().strip();
        vendor.postalCode = body.address().postalCode();
        vendor.city = body.address().city().strip();
        vendor.country = body.address().country();
        vendor.contactEmail = body.contactEmail().strip();
        vendor.vatId = body.vatId();
        vendor.status = VendorStatus.PENDING;
        vendor.registeredAt = clock.instant();
        vendor.registeredBy = caller.subject();
        vendor.persist();
        return VendorView.of(vendor);
    }

    /** A vendor the caller may see: platform admins see all, vendor users only their own (others are 404). */
    @Transactional
    public VendorView get(Caller caller, UUID id) {
        return VendorView.of(VendorAccess.visible(caller, id));
    }

    @Transactional
    public Page<VendorView> list(PageRequest paging, Optional<VendorStatus> status) {
        var query = status.map(s -> Vendor.<Vendor>find("status", Sort.by("registeredAt").and("id"), s))
                .orElseGet(() -> Vendor.findAll(Sort.by("registeredAt").and("id")));
        List<Vendor> items = query.page(paging.page, paging.size).list();
        return new Page<>(items.stream().map(VendorView::of).toList(), paging.page, paging.size, query.count());
    }

    @Transactional
    public VendorView verify(Caller caller, UUID id) {
        Vendor vendor = Vendor.findById(id);
        if (vendor == null) {
            throw DomainProblemException.notFound("Vendor", id);
        }
        if (vendor.isVerified()) {
            throw new DomainProblemException(VendorProblems.ALREADY_VERIFIED, "Vendor " + id + " is already verified");
        }
        vendor.status = VendorStatus.VERIFIED;
        vendor.verifiedAt = clock.instant();
        vendor.verifiedBy = caller.subject();
        return VendorView.of(vendor);
    }

    /** The caller's own vendor for listing work; 403 without a registered vendor. */
    public Vendor ownVendor(Caller caller) {
        return VendorAccess.own(caller);
    }
}
