package de.konferenzbuero.registration.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import de.konferenzbuero.MailMessages;
import de.konferenzbuero.Messages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.model.Snapshot.Booking;
import de.konferenzbuero.registration.model.Snapshot.Item;
import de.konferenzbuero.registration.model.Snapshot.Reg;

/**
 * The promises of the capacity rules, checked on the rows alone ({@link Snapshot}): never more confirmed than places,
 * counters equal to the confirmed rows, no overlapping confirmed bookings, nothing held by a cancelled registration or
 * conference, nobody waiting while a place they wait for is free, swaps consistent and none left that two attendees
 * could exchange, waitlists served in the order of joining, and every attendee's latest mail telling where they stand
 * (with the confirmation link while the address awaits confirmation, the offer's link while a place offered from the
 * waitlist waits for an answer). Where the conference offers freed places instead of giving them, offers go to
 * confirmed addresses only: someone whose address awaits confirmation may be passed over, and may wait while a place is
 * free. An open offer holds its place (it is CONFIRMED and counted). Each check counts how often it ran.
 */
final class Invariants {

    final Map<String, AtomicLong> checked = new ConcurrentHashMap<>();

    private final MailMessages mail = Texts.mail(Locale.GERMAN);
    private final Messages msg = Texts.of(Locale.GERMAN);
    private final de.konferenzbuero.OfferMessages offer = Texts.offer(Locale.GERMAN);

    /** What happened in one step that may legitimately bypass a waitlist's order. */
    record Exemptions(Set<Long> registrations, Set<Long> bookings) {
        static Exemptions none() {
            return new Exemptions(Set.of(), Set.of());
        }
    }

    /** The rules that hold in every state. */
    List<String> state(Snapshot s) {
        List<String> v = new ArrayList<>();
        capacityAndCounters(s, v);
        overlaps(s, v);
        nothingHeldWhenCancelled(s, v);
        nobodyWaitsForAFreePlace(s, v);
        swaps(s, v);
        options(s, v);
        contingents(s, v);
        told(s, v);
        return v;
    }

    /**
     * Contingents take places by the same rule: counters equal to the confirmed registrations holding one of their
     * places, never more than reserved, a contingent place only while confirmed and in the contingent's mode, and the
     * places still reserved never more than the mode has beside those taken.
     */
    private void contingents(Snapshot s, List<String> v) {
        count("contingent places and counters");
        for (Snapshot.Contingent k : s.contingents().values()) {
            long holding = s.registrations().values().stream()
                    .filter(r -> Long.valueOf(k.id()).equals(r.contingentId())).count();
            if (holding != k.taken()) {
                v.add("contingent %s counts %d taken but %d registrations hold one of its places".formatted(k.name(),
                        k.taken(), holding));
            }
            if (k.taken() > k.places()) {
                v.add("contingent %s has %d of %d places taken".formatted(k.name(), k.taken(), k.places()));
            }
        }
        for (Reg r : s.registrations().values()) {
            if (r.contingentId() != null && (!r.status().equals("CONFIRMED")
                    || !s.contingents().get(r.contingentId()).attendance().equals(r.attendance()))) {
                v.add("registration %d (%s, %s) holds a place of contingent %d".formatted(r.id(), r.status(),
                        r.attendance(), r.contingentId()));
            }
        }
        for (String mode : List.of("ON_SITE", "ONLINE")) {
            Integer capacity = s.conference().capacity(mode);
            if (capacity != null && s.conference().offers(mode) && !s.conference().status().equals("CANCELLED")
                    && s.conference().taken(mode) + s.reserved(mode) > capacity) {
                v.add("%s: %d taken and %d reserved, only %d places".formatted(mode, s.conference().taken(mode),
                        s.reserved(mode), capacity));
            }
        }
    }

    /**
     * Chosen options hold places like bookings: never more confirmed than places, counters equal to the confirmed rows,
     * a place or a waitlist number only while the registration holds its conference place (REQUESTED while it waits,
     * CANCELLED once it ended), nobody waiting while a place is free, one answer per registration.
     */
    private void options(Snapshot s, List<String> v) {
        count("option places and counters");
        for (Snapshot.Option o : s.options().values()) {
            long confirmed = s.chosen().values().stream()
                    .filter(c -> c.optionId() == o.id() && c.status().equals("CONFIRMED")).count();
            if (confirmed != o.taken()) {
                v.add("option %s counts %d taken but %d answers hold a place".formatted(o.label(), o.taken(),
                        confirmed));
            }
            if (o.capacity() != null && confirmed > o.capacity()) {
                v.add("option %s has %d places taken of %d".formatted(o.label(), confirmed, o.capacity()));
            }
            boolean free = o.capacity() == null || o.taken() < o.capacity();
            if (free && s.chosen().values().stream().anyMatch(c -> c.optionId() == o.id()
                    && c.status().equals("WAITLISTED") && !passedOverForPlaceOffers(s, c.registrationId()))) {
                v.add("someone waits for option %s while a place is free".formatted(o.label()));
            }
        }
        for (Snapshot.Chosen c : s.chosen().values()) {
            Reg r = s.registrations().get(c.registrationId());
            String expected = switch (r.status()) {
            case "CONFIRMED" -> c.status().equals("CONFIRMED") || c.status().equals("WAITLISTED") ? c.status()
                    : "a place or the waitlist";
            case "WAITLISTED", "PENDING" -> "REQUESTED";
            default -> "CANCELLED";
            };
            if (!expected.equals(c.status())) {
                v.add("registration %d (%s, %s) has its option %s %s, expected %s".formatted(r.id(), r.email(),
                        r.status(), s.options().get(c.optionId()).label(), c.status(), expected));
            }
        }
        s.chosen().values().stream().collect(java.util.stream.Collectors.groupingBy(Snapshot.Chosen::registrationId,
                java.util.stream.Collectors.counting())).forEach((id, n) -> {
                    if (n > 1) {
                        v.add("registration %d chose %d answers of one single choice".formatted(id, n));
                    }
                });
    }

    /** Both registrations' bookings (item, times, status) and swap links, to explain a waitlist served out of order. */
    private static String around(Snapshot s, Booking... bookings) {
        StringBuilder out = new StringBuilder();
        for (Booking b : bookings) {
            Reg r = s.registrations().get(b.registrationId());
            out.append("[registration ").append(r.id()).append(' ').append(r.status()).append(' ')
                    .append(r.attendance()).append(':');
            s.bookings().values().stream().filter(x -> x.registrationId() == r.id())
                    .forEach(x -> out.append(' ').append(x.id()).append('=').append(s.items().get(x.itemId()).title())
                            .append('@').append(x.startsAt()).append('/').append(x.endsAt()).append(' ')
                            .append(x.status()));
            s.swaps().stream()
                    .filter(w -> s.bookings().containsKey(w.pending())
                            && s.bookings().get(w.pending()).registrationId() == r.id())
                    .forEach(w -> out.append(" swap ").append(w.pending()).append("->").append(w.replaced()));
            out.append(']');
        }
        return out.toString();
    }

    /** The rules about one step: waitlists served in order, and joined in order. */
    List<String> step(Snapshot before, Snapshot after, Exemptions exempt) {
        List<String> v = new ArrayList<>();
        count("option waitlist served in order of joining");
        for (Snapshot.Option o : after.options().values()) {
            List<Snapshot.Chosen> waitingBefore = before.chosen().values().stream()
                    .filter(c -> c.optionId() == o.id() && c.status().equals("WAITLISTED")).toList();
            List<Snapshot.Chosen> promoted = waitingBefore.stream().filter(
                    c -> after.chosen().containsKey(c.id()) && after.chosen().get(c.id()).status().equals("CONFIRMED"))
                    .toList();
            List<Snapshot.Chosen> still = waitingBefore.stream()
                    .filter(c -> after.chosen().containsKey(c.id())
                            && after.chosen().get(c.id()).status().equals("WAITLISTED")
                            && !passedOverForPlaceOffers(after, c.registrationId()))
                    .toList();
            for (Snapshot.Chosen p : promoted) {
                for (Snapshot.Chosen w : still) {
                    if (w.seq() < p.seq()) {
                        v.add("answer %d got option %s before answer %d, who joined its waitlist earlier"
                                .formatted(p.id(), o.label(), w.id()));
                    }
                }
            }
        }
        count("waitlist served in order of joining");
        for (String mode : List.of("ON_SITE", "ONLINE")) {
            List<Reg> waitingBefore = before.registrations().values().stream()
                    .filter(r -> r.status().equals("WAITLISTED") && r.attendance().equals(mode)).toList();
            List<Reg> promoted = waitingBefore.stream().filter(r -> {
                Reg now = after.registrations().get(r.id());
                return now.status().equals("CONFIRMED") && now.attendance().equals(mode)
                        && !exempt.registrations().contains(r.id());
            }).toList();
            List<Reg> still = waitingBefore.stream()
                    .filter(r -> after.registrations().get(r.id()).status().equals("WAITLISTED")
                            && after.registrations().get(r.id()).attendance().equals(mode)
                            && !passedOverForOffers(after, after.registrations().get(r.id())))
                    .toList();
            for (Reg p : promoted) {
                for (Reg w : still) {
                    if (w.seq() < p.seq()) {
                        v.add("registration %d (%s) was promoted in %s before %d, who joined earlier".formatted(p.id(),
                                p.email(), mode, w.id()));
                    }
                }
            }
            joinedInOrder(before,
                    after.registrations().values().stream()
                            .filter(r -> r.status().equals("WAITLISTED") && r.attendance().equals(mode))
                            .map(r -> new long[] { r.id(), r.seq() }).toList(),
                    id -> before.registrations().containsKey(id)
                            && before.registrations().get(id).status().equals("WAITLISTED")
                            && before.registrations().get(id).attendance().equals(mode),
                    "conference waitlist " + mode, v);
        }
        for (Item item : after.items().values()) {
            List<Booking> waitingBefore = before.bookings().values().stream()
                    .filter(b -> b.itemId() == item.id() && b.status().equals("WAITLISTED")).toList();
            List<Booking> promoted = waitingBefore.stream()
                    .filter(b -> after.bookings().containsKey(b.id())
                            && after.bookings().get(b.id()).status().equals("CONFIRMED")
                            && !exempt.bookings().contains(b.id()) && !exchanged(before, after, b))
                    .toList();
            List<Booking> still = waitingBefore.stream()
                    .filter(b -> after.bookings().containsKey(b.id())
                            && after.bookings().get(b.id()).status().equals("WAITLISTED")
                            && !passedOverForPlaceOffers(after, b.registrationId()))
                    .toList();
            for (Booking p : promoted) {
                for (Booking w : still) {
                    if (w.seq() < p.seq()) {
                        v.add("booking %d got a place in %s before booking %d, which joined earlier; before: %s; after: %s"
                                .formatted(p.id(), item.title(), w.id(), around(before, p, w), around(after, p, w)));
                    }
                }
            }
            joinedInOrder(before,
                    after.bookings().values().stream()
                            .filter(b -> b.itemId() == item.id() && b.status().equals("WAITLISTED"))
                            .map(b -> new long[] { b.id(), b.seq() }).toList(),
                    id -> before.bookings().containsKey(id) && before.bookings().get(id).status().equals("WAITLISTED"),
                    "waitlist of " + item.title(), v);
        }
        return v;
    }

    /** Offers go to confirmed addresses only: one that awaits confirmation is passed over while offers are made. */
    private static boolean passedOverForOffers(Snapshot s, Reg waiting) {
        return s.conference().offers() && waiting.holdExpiresAt() != null;
    }

    /**
     * Offers of item and option places go only to people whose conference place is theirs: one still confirming their
     * address or answering the offer of a conference place is passed over while offers are made.
     */
    private static boolean passedOverForPlaceOffers(Snapshot s, long registrationId) {
        return s.conference().offers() && !s.registrations().get(registrationId).placeIsTheirs();
    }

    /** Whoever joins a waitlist in this step comes after everyone already on it. */
    private void joinedInOrder(Snapshot before, List<long[]> waitingAfter, java.util.function.LongPredicate wasWaiting,
            String list, List<String> v) {
        long lastOld = waitingAfter.stream().filter(e -> wasWaiting.test(e[0])).mapToLong(e -> e[1]).max()
                .orElse(Long.MIN_VALUE);
        for (long[] e : waitingAfter) {
            if (!wasWaiting.test(e[0]) && e[1] < lastOld) {
                v.add("%d joined the %s ahead of someone already waiting".formatted(e[0], list));
            }
        }
    }

    /**
     * Two waiting swaps served by exchanging places: the booking's registration gave up a booking whose item the other
     * got, and the other gave up this booking's item.
     */
    private static boolean exchanged(Snapshot before, Snapshot after, Booking mine) {
        for (Booking given : before.bookings().values()) {
            if (given.registrationId() != mine.registrationId() || !given.status().equals("CONFIRMED")
                    || !after.bookings().get(given.id()).status().equals("CANCELLED")) {
                continue;
            }
            // the other side may have queued for its swap in this very step (its booking did not exist before)
            for (Booking theirs : after.bookings().values()) {
                Booking theirsBefore = before.bookings().get(theirs.id());
                if (theirs.itemId() == given.itemId() && theirs.status().equals("CONFIRMED")
                        && (theirsBefore == null || theirsBefore.status().equals("WAITLISTED"))
                        && before.bookings().values().stream()
                                .anyMatch(t -> t.registrationId() == theirs.registrationId()
                                        && t.itemId() == mine.itemId() && t.status().equals("CONFIRMED")
                                        && after.bookings().get(t.id()).status().equals("CANCELLED"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void capacityAndCounters(Snapshot s, List<String> v) {
        count("confirmed ≤ capacity and counters = confirmed rows");
        for (String mode : List.of("ON_SITE", "ONLINE")) {
            long confirmed = s.registrations().values().stream()
                    .filter(r -> r.status().equals("CONFIRMED") && r.attendance().equals(mode)).count();
            Integer capacity = s.conference().capacity(mode);
            if (capacity != null && confirmed > capacity) {
                v.add("%d confirmed %s, only %d places".formatted(confirmed, mode, capacity));
            }
            if (confirmed != s.conference().taken(mode)) {
                v.add("%s counter %d, confirmed rows %d".formatted(mode, s.conference().taken(mode), confirmed));
            }
        }
        for (Item item : s.items().values()) {
            long confirmed = s.bookings().values().stream()
                    .filter(b -> b.itemId() == item.id() && b.status().equals("CONFIRMED")).count();
            if (item.capacity() != null && confirmed > item.capacity()) {
                v.add("%d confirmed in %s, only %d places".formatted(confirmed, item.title(), item.capacity()));
            }
            if (confirmed != item.taken()) {
                v.add("counter of %s %d, confirmed rows %d".formatted(item.title(), item.taken(), confirmed));
            }
        }
    }

    private void overlaps(Snapshot s, List<String> v) {
        count("no overlapping confirmed bookings; booking times = item times");
        for (Reg r : s.registrations().values()) {
            List<Booking> confirmed = s.activeBookingsOf(r.id()).stream().filter(b -> b.status().equals("CONFIRMED"))
                    .toList();
            for (int i = 0; i < confirmed.size(); i++) {
                for (int j = i + 1; j < confirmed.size(); j++) {
                    Item a = s.items().get(confirmed.get(i).itemId());
                    Item b = s.items().get(confirmed.get(j).itemId());
                    if (a.overlaps(b)) {
                        v.add("registration %d holds overlapping %s and %s".formatted(r.id(), a.title(), b.title()));
                    }
                }
            }
        }
        for (Booking b : s.bookings().values()) {
            Item item = s.items().get(b.itemId());
            if (item != null && (!item.startsAt().equals(b.startsAt()) || !item.endsAt().equals(b.endsAt()))) {
                v.add("booking %d keeps times %s–%s of %s, which is at %s–%s".formatted(b.id(), b.startsAt(),
                        b.endsAt(), item.title(), item.startsAt(), item.endsAt()));
            }
        }
    }

    private void nothingHeldWhenCancelled(Snapshot s, List<String> v) {
        count("nothing held by a cancelled registration or conference; statuses fit together");
        boolean cancelledConference = s.conference().status().equals("CANCELLED");
        for (Reg r : s.registrations().values()) {
            if (cancelledConference && r.active()) {
                v.add("registration %d is %s at a cancelled conference".formatted(r.id(), r.status()));
            }
            for (Booking b : s.activeBookingsOf(r.id())) {
                Item item = s.items().get(b.itemId());
                if (!r.active()) {
                    v.add("cancelled registration %d still has booking %d (%s)".formatted(r.id(), b.id(), b.status()));
                } else if (holdsNoPlace(r) != b.status().equals("REQUESTED")) {
                    v.add("booking %d is %s for a %s registration".formatted(b.id(), b.status(), r.status()));
                }
                if (!item.bookable()) {
                    v.add("booking %d of %s, which is not bookable".formatted(b.id(), item.title()));
                }
                if (item.attendance() != null && !item.attendance().equals(r.attendance())) {
                    v.add("booking %d of %s (only %s) for a %s registration".formatted(b.id(), item.title(),
                            item.attendance(), r.attendance()));
                }
            }
            if (r.status().equals("PENDING") && r.seq() != null) {
                v.add("pending registration %d holds waitlist number %d".formatted(r.id(), r.seq()));
            }
            if (r.hasOffer() && (!r.status().equals("CONFIRMED") || r.holdExpiresAt() != null)) {
                v.add("registration %d holds an offer but is %s%s".formatted(r.id(), r.status(),
                        r.holdExpiresAt() != null ? " with its address unconfirmed" : ""));
            }
            for (Booking b : s.activeBookingsOf(r.id())) {
                if (b.offerExpiresAt() != null && (!b.status().equals("CONFIRMED") || !r.placeIsTheirs())) {
                    v.add("booking %d holds an offer but is %s for a %s registration%s".formatted(b.id(), b.status(),
                            r.status(), r.placeIsTheirs() ? "" : " whose place is not theirs"));
                }
            }
            for (Snapshot.Chosen c : s.chosen().values()) {
                if (c.registrationId() == r.id() && c.offerExpiresAt() != null
                        && (!c.status().equals("CONFIRMED") || !r.placeIsTheirs())) {
                    v.add("answer %d holds an offer but is %s for a %s registration".formatted(c.id(), c.status(),
                            r.status()));
                }
            }
            if (r.active() && !s.conference().offers(r.attendance())) {
                v.add("registration %d is %s in %s, which the conference no longer offers".formatted(r.id(), r.status(),
                        r.attendance()));
            }
        }
    }

    /** Holds neither a place nor a waitlist number: waits for the conference's waitlist or the organisers' approval. */
    private static boolean holdsNoPlace(Reg r) {
        return r.status().equals("WAITLISTED") || r.status().equals("PENDING");
    }

    private void nobodyWaitsForAFreePlace(Snapshot s, List<String> v) {
        count("nobody waits while a place they wait for is free");
        for (String mode : List.of("ON_SITE", "ONLINE")) {
            boolean waiting = s.registrations().values().stream().anyMatch(
                    r -> r.status().equals("WAITLISTED") && r.attendance().equals(mode) && !passedOverForOffers(s, r));
            Integer capacity = s.conference().capacity(mode);
            int taken = s.conference().taken(mode) + s.reserved(mode);
            if (waiting && (capacity == null || taken < capacity)) {
                v.add("someone waits for %s while %s places are free for everyone".formatted(mode,
                        capacity == null ? "unlimited" : capacity - taken));
            }
        }
        for (Item item : s.items().values()) {
            boolean waiting = s.bookings().values().stream().anyMatch(b -> b.itemId() == item.id()
                    && b.status().equals("WAITLISTED") && !passedOverForPlaceOffers(s, b.registrationId()));
            if (waiting && item.capacity() != null && item.taken() < item.capacity()) {
                v.add("someone waits for %s while %d places are free".formatted(item.title(),
                        item.capacity() - item.taken()));
            }
        }
    }

    private void swaps(Snapshot s, List<String> v) {
        count("swaps: a waiting booking replaces confirmed ones of its own; every overlap it would cause is one");
        for (Snapshot.Swap swap : s.swaps()) {
            Booking pending = s.bookings().get(swap.pending());
            Booking replaced = s.bookings().get(swap.replaced());
            if (!pending.status().equals("WAITLISTED") || !replaced.status().equals("CONFIRMED")
                    || pending.registrationId() != replaced.registrationId()) {
                v.add("swap %d → %d links %s and %s".formatted(swap.replaced(), swap.pending(), pending.status(),
                        replaced.status()));
            }
        }
        for (Booking w : s.bookings().values()) {
            if (!w.status().equals("WAITLISTED")) {
                continue;
            }
            for (Booking c : s.activeBookingsOf(w.registrationId())) {
                if (c.status().equals("CONFIRMED") && s.items().get(c.itemId()).overlaps(s.items().get(w.itemId()))
                        && !s.swaps().contains(new Snapshot.Swap(w.id(), c.id()))) {
                    v.add("waiting booking %d would overlap held booking %d without replacing it".formatted(w.id(),
                            c.id()));
                }
            }
        }
        count("no two attendees wait to swap into each other's places");
        for (Snapshot.Swap a : s.swaps()) {
            for (Snapshot.Swap b : s.swaps()) {
                Booking aPending = s.bookings().get(a.pending());
                Booking bPending = s.bookings().get(b.pending());
                if (aPending.registrationId() < bPending.registrationId()
                        && aPending.itemId() == s.bookings().get(b.replaced()).itemId()
                        && bPending.itemId() == s.bookings().get(a.replaced()).itemId()) {
                    v.add("registrations %d and %d wait to swap into each other's places"
                            .formatted(aPending.registrationId(), bPending.registrationId()));
                }
            }
        }
    }

    /** The latest mail about the registration tells its status and every active booking with its status. */
    private void told(Snapshot s, List<String> v) {
        count("the latest mail tells the attendee where they stand");
        for (Reg r : s.registrations().values()) {
            Snapshot.Mail m = s.latestMail().get(r.id());
            if (!r.active() && r.holdExpiresAt() != null) {
                // an expired hold is not told: the address may belong to someone who never signed up; and when it
                // expired before its mail was rendered (sign-up mails are rendered after the commit), that mail with
                // its
                // dead link is dropped, so it may have none at all
                continue;
            }
            if (m == null) {
                v.add("registration %d (%s) was never told anything".formatted(r.id(), r.status()));
                continue;
            }
            Set<String> fitting = r.hasOffer()
                    ? Set.of("offered", "itemPromoted", "changed", "agendaChanged", "itemReleased")
                    : switch (r.status()) {
                    case "CONFIRMED" -> Set.of("confirmed", "approved", "confirmAddress", "promoted", "itemPromoted",
                            "changed", "agendaChanged", "itemReleased", "itemOffered", "itemOfferExpired");
                    case "WAITLISTED" -> Set.of("waitlisted", "approved", "confirmAddress", "changed", "agendaChanged",
                            "itemReleased");
                    case "PENDING" -> Set.of("pending", "confirmAddress", "changed", "agendaChanged", "itemReleased");
                    default -> Set.of("cancelled", "rejected", "conferenceCancelled", "offerExpired");
                    };
            boolean placeOffered = s.activeBookingsOf(r.id()).stream().anyMatch(b -> b.offerExpiresAt() != null)
                    || s.chosen().values().stream()
                            .anyMatch(c -> c.registrationId() == r.id() && c.offerExpiresAt() != null);
            if ((r.hasOffer() || placeOffered) && !m.text().contains("/" + r.secret() + "/offer")) {
                v.add("registration %d holds an offer but mail %d has no link to answer it".formatted(r.id(), m.id()));
            }
            if (r.active() && r.holdExpiresAt() != null && !m.text().contains("/" + r.secret() + "/confirm")) {
                v.add("registration %d awaits confirmation but mail %d has no confirmation link".formatted(r.id(),
                        m.id()));
            }
            if (!fitting.contains(m.template())) {
                v.add("registration %d is %s but was last told %s".formatted(r.id(), r.status(), m.template()));
                continue;
            }
            if (!r.active()) {
                continue;
            }
            String status = r.hasOffer() ? mail.status_offered("DATE", "TIME").split(" DATE")[0]
                    : r.status().equals("CONFIRMED") ? mail.status_confirmed() : r.status().equals("PENDING")
                            ? mail.status_pending() : mail.status_waitlisted(0).replace("0", "");
            if (!m.text().contains(status)) {
                v.add("registration %d is %s but its mail %d says otherwise".formatted(r.id(), r.status(), m.id()));
            }
            List<String> lines = m.text().lines().toList();
            Map<String, String> listed = new TreeMap<>();
            boolean inItems = false;
            for (int i = 0; i + 2 < lines.size(); i++) {
                inItems = lines.get(i).equals(mail.items() + ":") || inItems && !lines.get(i).isBlank();
                if (inItems && lines.get(i).startsWith("- ")) {
                    listed.put(lines.get(i).substring(2), lines.get(i + 2).strip());
                }
            }
            String travel = s.chosen().values().stream().filter(c -> c.registrationId() == r.id()).findFirst()
                    .map(c -> "- Anreise: " + s.options().get(c.optionId()).label() + switch (c.status()) {
                    case "WAITLISTED" -> " (Warteliste, Platz ";
                    case "REQUESTED" -> " (wird vergeben";
                    default -> c.offerExpiresAt() != null ? " (" + offer.place_offered("DATE", "TIME").split(" DATE")[0]
                            : "";
                    }).orElse(null);
            count("latest mail tells the chosen option's place");
            if (travel != null && lines.stream().noneMatch(
                    line -> travel.endsWith("Platz ") || travel.endsWith("vergeben") || travel.endsWith(" bis")
                            ? line.startsWith(travel) : line.equals(travel))) {
                v.add("registration %d chose %s but mail %d does not say so".formatted(r.id(), travel, m.id()));
            }
            Map<String, String> held = s.activeBookingsOf(r.id()).stream()
                    .collect(Collectors.toMap(b -> s.items().get(b.itemId()).title(),
                            b -> b.offerExpiresAt() != null ? mail.item_offered("DATE", "TIME").split(" DATE")[0]
                                    : msg.item_status(BookingStatus.valueOf(b.status())),
                            (a, b) -> a, TreeMap::new));
            if (!Objects.equals(listed.keySet(), held.keySet())) {
                v.add("registration %d holds %s but mail %d lists %s".formatted(r.id(), held.keySet(), m.id(),
                        listed.keySet()));
                continue;
            }
            held.forEach((title, word) -> {
                if (!listed.get(title).startsWith(word)) {
                    v.add("registration %d: %s is '%s', mail %d says '%s'".formatted(r.id(), title, word, m.id(),
                            listed.get(title)));
                }
            });
        }
    }

    private void count(String invariant) {
        checked.computeIfAbsent(invariant, k -> new AtomicLong()).incrementAndGet();
    }
}
