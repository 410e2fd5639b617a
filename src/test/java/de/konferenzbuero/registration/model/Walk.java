package de.konferenzbuero.registration.model;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.backoffice.AgendaDraft;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.Approving;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.Consequences;
import de.konferenzbuero.backoffice.NotYours;
import de.konferenzbuero.backoffice.QuestionEditing;
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.Holds;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.model.Snapshot.Booking;
import de.konferenzbuero.registration.model.Snapshot.Item;
import de.konferenzbuero.registration.model.Snapshot.Reg;
import de.konferenzbuero.runtime.Causes;

import javax.sql.DataSource;

/**
 * One walker: picks a random operation, its target and its input from the current rows, and runs it the way a user
 * would: attendees over the public JSON API, organisers through the back-office services. Refusals (a full mode, a
 * capacity below the confirmed count, consequences not confirmed, a taken address) are outcomes, not failures.
 */
final class Walk {

    /** Every operation the walk knows; {@code weight} is how often it is picked. */
    enum Op {
        SIGN_UP(14), CHANGE_ITEMS(9), CHANGE_ITEMS_DURING_SWAP(8), SWITCH_MODE(4), SWITCH_MODE_AND_ITEMS(3), CANCEL(6),
        RAISE_CAPACITY(4), LOWER_CAPACITY(4), PROMOTE_OUT_OF_ORDER(6), PROMOTE_BOOKING_OUT_OF_ORDER(3), ADD_BY_HAND(3),
        EDIT_REGISTRATION(3), ORGANISER_CANCELS(2), MOVE_ITEM(3), UPDATE_ITEM(4), REMOVE_ITEM(1), CHANGE_FORMAT(2),
        TOGGLE_BOOKABLE(2), CONFIRM_ADDRESS(6), EXPIRE_HOLDS(2), TOGGLE_OFFERS(3), ACCEPT_OFFER(3), DECLINE_OFFER(3),
        EXPIRE_OFFERS(3), ACCEPT_PLACE_OFFER(3), DECLINE_PLACE_OFFER(3), CHANGE_TRAVEL(5), SHUTTLE_PLACES(2),
        TOGGLE_APPROVAL(2), APPROVE(5), REJECT(4), GROUP_SIGN_UP(4), INVITED_SIGN_UP(6), NEW_CONTINGENT(2),
        RELEASE_CONTINGENT(2), CANCEL_CONFERENCE(1);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }
    }

    /**
     * Raising stops here (promoting out of order may still add places), so that places stay scarce and waitlists, swaps
     * and promotions keep happening in a long walk.
     */
    private static final int MAX_MODE_CAPACITY = 6;
    private static final int MAX_ITEM_CAPACITY = 4;

    enum Outcome {
        APPLIED, REFUSED, NO_TARGET
    }

    /** What one step did, what may legitimately bypass a waitlist, and what the API answered, to check. */
    record Result(Op op, Outcome outcome, Invariants.Exemptions exempt, Answer answer, String detail) {
    }

    /** An attendee's registration as the API answered it. */
    record Answer(String secret, String status, String attendance, Map<Long, String> items) {
    }

    private final Random random;
    private final DataSource dataSource;
    private final Set<Op> ops;
    World world;

    Walk(long seed, World world, DataSource dataSource, Set<Op> ops) {
        this.random = new Random(seed);
        this.world = world;
        this.dataSource = dataSource;
        this.ops = ops;
    }

    Op pick() {
        int total = ops.stream().mapToInt(op -> op.weight).sum();
        int n = random.nextInt(total);
        for (Op op : ops) {
            n -= op.weight;
            if (n < 0) {
                return op;
            }
        }
        throw new IllegalStateException();
    }

    Result run(Op op) {
        Snapshot s = Snapshot.load(dataSource, world.conferenceId);
        return switch (op) {
        case SIGN_UP -> signUp(s);
        case GROUP_SIGN_UP -> groupSignUp(s);
        case CHANGE_ITEMS -> changeItems(s, pickActive(s));
        case CHANGE_ITEMS_DURING_SWAP -> changeItems(s, pickSwapping(s));
        case SWITCH_MODE -> switchMode(s, false);
        case SWITCH_MODE_AND_ITEMS -> switchMode(s, true);
        case CANCEL -> cancel(s);
        case RAISE_CAPACITY -> capacity(s, op, 1 + random.nextInt(2));
        case LOWER_CAPACITY -> capacity(s, op, -1 - random.nextInt(2));
        case PROMOTE_OUT_OF_ORDER -> promote(s);
        case PROMOTE_BOOKING_OUT_OF_ORDER -> promoteBooking(s);
        case ADD_BY_HAND -> addByHand(s);
        case EDIT_REGISTRATION -> edit(s);
        case ORGANISER_CANCELS -> organiserCancels(s);
        case MOVE_ITEM -> moveItem(s);
        case UPDATE_ITEM -> updateItem(s);
        case REMOVE_ITEM -> removeItem(s);
        case CHANGE_FORMAT -> changeFormat(s);
        case TOGGLE_BOOKABLE -> toggleBookable(s);
        case CONFIRM_ADDRESS -> confirmAddress(s);
        case EXPIRE_HOLDS -> expireHolds(s);
        case TOGGLE_OFFERS -> toggleOffers();
        case ACCEPT_OFFER -> answerOffer(s, Op.ACCEPT_OFFER, "accept");
        case DECLINE_OFFER -> answerOffer(s, Op.DECLINE_OFFER, "decline");
        case EXPIRE_OFFERS -> expireOffers(s);
        case ACCEPT_PLACE_OFFER -> answerPlaceOffer(s, Op.ACCEPT_PLACE_OFFER, "accept");
        case DECLINE_PLACE_OFFER -> answerPlaceOffer(s, Op.DECLINE_PLACE_OFFER, "decline");
        case CHANGE_TRAVEL -> changeTravel(s);
        case SHUTTLE_PLACES -> shuttlePlaces(s);
        case TOGGLE_APPROVAL -> toggleApproval();
        case APPROVE -> decide(s, Op.APPROVE, true);
        case REJECT -> decide(s, Op.REJECT, false);
        case INVITED_SIGN_UP -> invitedSignUp(s);
        case NEW_CONTINGENT -> newContingent(s);
        case RELEASE_CONTINGENT -> releaseContingent(s);
        case CANCEL_CONFERENCE -> cancelConference();
        };
    }

    // --- attendees, over the public API ----------------------------------------------------------------------------

    private Result signUp(Snapshot s) {
        String email = world.address(random.nextInt(World.ADDRESSES));
        Response response = given().contentType(ContentType.JSON).body(person(s, email)).when()
                .post("/api/conferences/{slug}/registrations", world.slug);
        return switch (response.statusCode()) {
        case 201 -> new Result(Op.SIGN_UP, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response), email);
        case 202 -> confirmationPending(s, email);
        case 400, 409 -> refused(Op.SIGN_UP, email + ": " + response.asString());
        default -> throw new AssertionError("sign-up answered " + response.statusCode() + ": " + response.asString());
        };
    }

    /** Someone registers two or three colleagues at once; the invariants hold after the whole group. */
    private Result groupSignUp(Snapshot s) {
        List<String> emails = new ArrayList<>();
        while (emails.size() < 2 + random.nextInt(2)) {
            String email = world.address(random.nextInt(World.ADDRESSES));
            if (!emails.contains(email)) {
                emails.add(email);
            }
        }
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("people", emails.stream().map(email -> person(s, email)).toList())).when()
                .post("/api/conferences/{slug}/group-registrations", world.slug);
        return switch (response.statusCode()) {
        case 200 -> new Result(Op.GROUP_SIGN_UP, Outcome.APPLIED, Invariants.Exemptions.none(), null,
                emails + ": " + response.jsonPath().getList("status"));
        case 400, 409 -> refused(Op.GROUP_SIGN_UP, emails + ": " + response.asString());
        default -> throw new AssertionError(
                "group sign-up answered " + response.statusCode() + ": " + response.asString());
        };
    }

    /**
     * Someone signs up with the shared invitation link of the newest contingent: a place of it while one is free, else
     * the one rule for everyone, also while the conference asks for approval.
     */
    private Result invitedSignUp(Snapshot s) {
        if (world.invitation == null) {
            return noTarget(Op.INVITED_SIGN_UP);
        }
        String email = world.address(random.nextInt(World.ADDRESSES));
        Response response = given().contentType(ContentType.JSON).body(person(s, email)).when()
                .post("/api/invitations/{token}/registrations", world.invitation);
        return switch (response.statusCode()) {
        case 201 -> new Result(Op.INVITED_SIGN_UP, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response),
                email);
        case 202 -> confirmationPending(s, email);
        case 400, 409 -> refused(Op.INVITED_SIGN_UP, email + ": " + response.asString());
        default -> throw new AssertionError(
                "invited sign-up answered " + response.statusCode() + ": " + response.asString());
        };
    }

    /**
     * An organiser reserves one or two on-site places (refused when not that many are free for everyone), released on a
     * date now and then, and shares a link to them.
     */
    private Result newContingent(Snapshot s) {
        int places = 1 + random.nextInt(2);
        java.time.Instant releaseAt = random.nextBoolean() ? null : world.day.minus(Duration.ofDays(10));
        return organiser(Op.NEW_CONTINGENT, places + " places" + (releaseAt == null ? "" : " until " + releaseAt),
                () -> {
                    world.newContingent(places, releaseAt);
                    return Invariants.Exemptions.none();
                });
    }

    /** An organiser releases a contingent, or its release date passes: its free places go to the waitlist. */
    private Result releaseContingent(Snapshot s) {
        List<Snapshot.Contingent> reserved = s.contingents().values().stream().filter(k -> !k.released())
                .sorted(java.util.Comparator.comparing(Snapshot.Contingent::id)).toList();
        if (reserved.isEmpty()) {
            return noTarget(Op.RELEASE_CONTINGENT);
        }
        if (random.nextBoolean()) {
            int released = Arc.container().instance(de.konferenzbuero.registration.Contingents.class).get()
                    .releaseDue(world.day);
            return new Result(Op.RELEASE_CONTINGENT, Outcome.APPLIED, Invariants.Exemptions.none(), null,
                    released + " reached their date");
        }
        Snapshot.Contingent k = reserved.get(random.nextInt(reserved.size()));
        return organiser(Op.RELEASE_CONTINGENT, k.name(), () -> {
            Arc.container().instance(de.konferenzbuero.backoffice.Inviting.class).get().release(World.organiser(),
                    world.conferenceId, k.id());
            return Invariants.Exemptions.none();
        });
    }

    /** What an attendee enters: a random mode, items of it and a travel answer. */
    private Map<String, Object> person(Snapshot s, String email) {
        String mode = randomMode(s);
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Test");
        body.put("lastName", email.substring(0, email.indexOf('@')));
        body.put("email", random.nextInt(5) == 0 ? "  " + email.toUpperCase(java.util.Locale.ROOT) + " " : email);
        body.put("attendance", mode);
        body.put("items", choice(s, mode));
        body.put("answers", travel());
        body.put("privacyConsent", true);
        body.put("locale", "de");
        return body;
    }

    /**
     * Double opt-in answers a new and an already registered address alike; the walk reads the manage link from the
     * rows, as the attendee would from the mail, and what the API shows behind it.
     */
    private Result confirmationPending(Snapshot s, String email) {
        if (s.active().stream().anyMatch(r -> r.email().equals(email))) {
            return refused(Op.SIGN_UP, email + ": already registered");
        }
        Registration r = QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("conference.id = ?1 and email = ?2 and status <> ?3",
                        world.conferenceId, email, de.konferenzbuero.registration.RegistrationStatus.CANCELLED)
                        .firstResult());
        if (r == null) {
            return new Result(Op.SIGN_UP, Outcome.APPLIED, Invariants.Exemptions.none(), null, email);
        }
        Response shown = given().get("/api/registrations/{secret}", r.manageSecret);
        return new Result(Op.SIGN_UP, Outcome.APPLIED, Invariants.Exemptions.none(),
                shown.statusCode() == 200 ? answer(shown) : null, email);
    }

    /** The attendee follows the link in the mail and confirms their address. */
    private Result confirmAddress(Snapshot s) {
        List<Reg> held = s.active().stream().filter(r -> r.holdExpiresAt() != null)
                .sorted(java.util.Comparator.comparing(Reg::id)).toList();
        if (held.isEmpty()) {
            return noTarget(Op.CONFIRM_ADDRESS);
        }
        Reg r = held.get(random.nextInt(held.size()));
        Response response = given().contentType(ContentType.JSON).post("/api/registrations/{secret}/confirm",
                r.secret());
        if (response.statusCode() != 200) {
            throw new AssertionError("confirming answered " + response.statusCode() + ": " + response.asString());
        }
        return new Result(Op.CONFIRM_ADDRESS, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response),
                r.email());
    }

    /**
     * Time passes: the expiry job runs as if it were just after a random hold ended, cancelling that one and every
     * older unconfirmed one; none may be left.
     */
    private Result expireHolds(Snapshot s) {
        List<java.time.Instant> ends = s.active().stream().map(Reg::holdExpiresAt).filter(Objects::nonNull).sorted()
                .toList();
        if (ends.isEmpty()) {
            return noTarget(Op.EXPIRE_HOLDS);
        }
        java.time.Instant now = ends.get(random.nextInt(ends.size())).plusMillis(1);
        int expired = Arc.container().instance(Holds.class).get().expireDue(now);
        long left = Snapshot.load(dataSource, world.conferenceId).active().stream()
                .filter(r -> r.holdExpiresAt() != null && r.holdExpiresAt().isBefore(now)).count();
        if (left > 0) {
            throw new AssertionError(left + " unconfirmed registrations outlived the expiry run at " + now);
        }
        return new Result(Op.EXPIRE_HOLDS, Outcome.APPLIED, Invariants.Exemptions.none(), null,
                expired + " expired before " + now);
    }

    private Result changeItems(Snapshot s, Reg r) {
        if (r == null) {
            return noTarget(Op.CHANGE_ITEMS);
        }
        Op op = s.swaps().stream().map(sw -> s.bookings().get(sw.pending()))
                .anyMatch(pending -> pending != null && pending.registrationId() == r.id())
                        ? Op.CHANGE_ITEMS_DURING_SWAP : Op.CHANGE_ITEMS;
        return patch(op, r, Map.of("items", choice(s, r.attendance())));
    }

    private Result switchMode(Snapshot s, boolean withItems) {
        Reg r = pickActive(s);
        if (r == null) {
            return noTarget(withItems ? Op.SWITCH_MODE_AND_ITEMS : Op.SWITCH_MODE);
        }
        String mode = r.attendance().equals("ON_SITE") ? "ONLINE" : "ON_SITE";
        Map<String, Object> body = new HashMap<>();
        body.put("attendance", mode);
        if (withItems) {
            body.put("items", choice(s, mode));
        }
        return patch(withItems ? Op.SWITCH_MODE_AND_ITEMS : Op.SWITCH_MODE, r, body);
    }

    private Result patch(Op op, Reg r, Map<String, Object> body) {
        Response response = given().contentType(ContentType.JSON).body(body).when().patch("/api/registrations/{secret}",
                r.secret());
        return switch (response.statusCode()) {
        case 200 -> new Result(op, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response),
                r.email() + " " + body);
        case 400, 409 -> refused(op, r.email() + " " + body + ": " + response.asString());
        default -> throw new AssertionError(op + " answered " + response.statusCode() + ": " + response.asString());
        };
    }

    /** The attendee answers the place offered to them from the waitlist, by the buttons behind the mail's link. */
    private Result answerOffer(Snapshot s, Op op, String answer) {
        List<Reg> offered = s.active().stream().filter(Reg::hasOffer).sorted(java.util.Comparator.comparing(Reg::id))
                .toList();
        if (offered.isEmpty()) {
            return noTarget(op);
        }
        Reg r = offered.get(random.nextInt(offered.size()));
        Response response = given().contentType(ContentType.JSON).post("/api/registrations/{secret}/offer/" + answer,
                r.secret());
        if (response.statusCode() == 409) {
            return refused(op, r.email() + ": " + response.asString());
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(answer + " answered " + response.statusCode() + ": " + response.asString());
        }
        return new Result(op, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response), r.email());
    }

    /**
     * The attendee answers the place of a workshop or of the shuttle offered to them from its waitlist, by the buttons
     * behind the mail's link (the API names the place by {@code ?item=} or {@code ?option=}).
     */
    private Result answerPlaceOffer(Snapshot s, Op op, String answer) {
        List<String> offers = s.placeOffers().keySet().stream().sorted().toList();
        if (offers.isEmpty()) {
            return noTarget(op);
        }
        String offer = offers.get(random.nextInt(offers.size()));
        long id = Long.parseLong(offer.substring(offer.indexOf(' ') + 1));
        boolean item = offer.startsWith("booking ");
        Reg r = s.registrations()
                .get(item ? s.bookings().get(id).registrationId() : s.chosen().get(id).registrationId());
        String query = item ? "?item=" + s.bookings().get(id).itemId() : "?option=" + s.chosen().get(id).optionId();
        Response response = given().contentType(ContentType.JSON)
                .post("/api/registrations/{secret}/offer/" + answer + query, r.secret());
        if (response.statusCode() != 200) {
            throw new AssertionError(answer + " answered " + response.statusCode() + ": " + response.asString());
        }
        return new Result(op, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response),
                r.email() + " " + offer + query);
    }

    /**
     * Time passes: the expiry job runs as if it were just after a random open offer (of a conference place, or of an
     * item's or option's place) ended, ending that one and every older one and offering their places on; none of them
     * may be left.
     */
    private Result expireOffers(Snapshot s) {
        List<java.time.Instant> ends = java.util.stream.Stream
                .concat(s.active().stream().map(Reg::offerExpiresAt), s.placeOffers().values().stream())
                .filter(Objects::nonNull).sorted().toList();
        if (ends.isEmpty()) {
            return noTarget(Op.EXPIRE_OFFERS);
        }
        java.time.Instant now = ends.get(random.nextInt(ends.size())).plusMillis(1);
        int expired = Arc.container().instance(Holds.class).get().expireDue(now);
        // offers made meanwhile (by this run handing places on, or by other walkers) may end before "now" too: only
        // the ones that were open before must be gone
        long left = Snapshot.load(dataSource, world.conferenceId).active().stream().filter(r -> {
            Reg before = s.registrations().get(r.id());
            return before != null && before.hasOffer() && before.offerExpiresAt().isBefore(now)
                    && before.offerExpiresAt().equals(r.offerExpiresAt());
        }).count();
        Map<String, java.time.Instant> placesAfter = Snapshot.load(dataSource, world.conferenceId).placeOffers();
        left += s.placeOffers().entrySet().stream()
                .filter(e -> e.getValue().isBefore(now) && e.getValue().equals(placesAfter.get(e.getKey()))).count();
        if (left > 0) {
            throw new AssertionError(left + " offers outlived the expiry run at " + now);
        }
        return new Result(Op.EXPIRE_OFFERS, Outcome.APPLIED, Invariants.Exemptions.none(), null,
                expired + " expired before " + now);
    }

    /** A travel answer: mostly the shuttle of few places, sometimes the car, sometimes none. */
    private List<Map<String, Object>> travel() {
        int pick = random.nextInt(5);
        return pick == 0 ? List.of() : List.of(
                Map.of("question", world.travelQuestion, "options", List.of(pick == 1 ? world.car : world.shuttle)));
    }

    /** The attendee changes their travel answer on the manage page (over the API). */
    private Result changeTravel(Snapshot s) {
        Reg r = pickActive(s);
        if (r == null) {
            return noTarget(Op.CHANGE_TRAVEL);
        }
        Response response = given().contentType(ContentType.JSON).body(travel()).when()
                .put("/api/registrations/{secret}/answers", r.secret());
        return switch (response.statusCode()) {
        case 200 -> new Result(Op.CHANGE_TRAVEL, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response),
                r.email());
        case 400, 409 -> refused(Op.CHANGE_TRAVEL, r.email() + ": " + response.asString());
        default -> throw new AssertionError(
                "changing answers answered " + response.statusCode() + ": " + response.asString());
        };
    }

    /** The organiser gives the shuttle one place more or one fewer (refused below the places taken). */
    private Result shuttlePlaces(Snapshot s) {
        Snapshot.Option shuttle = s.options().get(world.shuttle);
        int places = Math.max(0, shuttle.capacity() + (random.nextBoolean() ? 1 : -1));
        // the version of the form as the organiser opened it
        int version = QuarkusTransaction.requiringNew()
                .call(() -> Question.<Question> findById(world.travelQuestion).version);
        return organiser(Op.SHUTTLE_PLACES, "shuttle " + places, () -> {
            Arc.container().instance(QuestionEditing.class).get().update(World.organiser(), world.conferenceId,
                    world.travelQuestion, World.travel(places, version));
            return Invariants.Exemptions.none();
        });
    }

    private Result cancel(Snapshot s) {
        Reg r = pickActive(s);
        if (r == null) {
            return noTarget(Op.CANCEL);
        }
        Response response = given().when().delete("/api/registrations/{secret}", r.secret());
        if (response.statusCode() == 409) {
            // an organiser saved the same registration at that moment (an edit needs no conference lock, its version
            // check finds the race): nothing was changed, and the attendee is asked to try again
            return refused(Op.CANCEL, r.email() + ": " + response.asString());
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("cancel answered " + response.statusCode() + ": " + response.asString());
        }
        return new Result(Op.CANCEL, Outcome.APPLIED, Invariants.Exemptions.none(), answer(response), r.email());
    }

    // --- organisers, through the back-office services --------------------------------------------------------------

    private Result capacity(Snapshot s, Op op, int by) {
        List<Item> bookable = bookable(s);
        int target = random.nextInt(2 + bookable.size());
        if (target < 2) {
            String mode = target == 0 ? "ON_SITE" : "ONLINE";
            if (!s.conference().offers(mode) || s.conference().capacity(mode) == null) {
                return noTarget(op);
            }
            if (by > 0 && s.conference().capacity(mode) >= MAX_MODE_CAPACITY) {
                return noTarget(op);
            }
            int capacity = Math.max(0, s.conference().capacity(mode) + by);
            ConferenceDraft draft = form(() -> {
                Conference c = Conference.findById(world.conferenceId);
                return World.draft(c, c.format, mode.equals("ON_SITE") ? Integer.valueOf(capacity) : c.onsiteCapacity,
                        mode.equals("ONLINE") ? Integer.valueOf(capacity) : c.onlineCapacity);
            });
            return organiser(op, mode + " → " + capacity, () -> {
                conferences().update(World.organiser(), world.conferenceId, draft);
                return Invariants.Exemptions.none();
            });
        }
        Item item = bookable.get(target - 2);
        if (by > 0 && item.capacity() >= MAX_ITEM_CAPACITY) {
            return noTarget(op);
        }
        int capacity = Math.max(0, item.capacity() + by);
        AgendaDraft draft = itemForm(item.id(),
                i -> World.draft(i, i.startsAt, i.endsAt, true, capacity, i.attendance));
        if (draft == null) {
            return noTarget(op);
        }
        return organiser(op, item.title() + " → " + capacity, () -> {
            agenda().update(World.organiser(), world.conferenceId, item.id(), draft, true);
            return Invariants.Exemptions.none();
        });
    }

    private Result promote(Snapshot s) {
        List<Reg> waiting = s.registrations().values().stream().filter(r -> r.status().equals("WAITLISTED")).toList();
        if (waiting.isEmpty()) {
            return noTarget(Op.PROMOTE_OUT_OF_ORDER);
        }
        Reg r = waiting.get(random.nextInt(waiting.size()));
        return organiser(Op.PROMOTE_OUT_OF_ORDER, r.email(), () -> {
            admin().promote(World.organiser(), world.conferenceId, r.id());
            return new Invariants.Exemptions(Set.of(r.id()), Set.of());
        });
    }

    private Result promoteBooking(Snapshot s) {
        List<Booking> waiting = s.bookings().values().stream().filter(b -> b.status().equals("WAITLISTED")).toList();
        if (waiting.isEmpty()) {
            return noTarget(Op.PROMOTE_BOOKING_OUT_OF_ORDER);
        }
        Booking b = waiting.get(random.nextInt(waiting.size()));
        return organiser(Op.PROMOTE_BOOKING_OUT_OF_ORDER, "booking " + b.id(), () -> {
            admin().promoteBooking(World.organiser(), world.conferenceId, b.registrationId(), b.id());
            return new Invariants.Exemptions(Set.of(), Set.of(b.id()));
        });
    }

    private Result addByHand(Snapshot s) {
        String email = world.address(random.nextInt(World.ADDRESSES));
        String mode = randomMode(s);
        List<Long> items = choice(s, mode);
        return organiser(Op.ADD_BY_HAND, email, () -> {
            admin().add(World.organiser(), world.conferenceId, new SignUp("Per", "Telefon", email, "Amt", null,
                    Attendance.valueOf(mode), items, false, false, false, null, null, true, false, "de", List.of()));
            return Invariants.Exemptions.none();
        });
    }

    private Result edit(Snapshot s) {
        List<Reg> all = new ArrayList<>(s.registrations().values());
        if (all.isEmpty()) {
            return noTarget(Op.EDIT_REGISTRATION);
        }
        Reg r = all.get(random.nextInt(all.size()));
        String email = random.nextBoolean() ? r.email()
                : " " + world.address(random.nextInt(World.ADDRESSES)).toUpperCase(java.util.Locale.ROOT);
        RegistrationAdmin.Edit edit = form(() -> {
            Registration reg = Registration.findById(r.id());
            return new RegistrationAdmin.Edit("Geändert", reg.lastName, email, reg.organisation, reg.role,
                    reg.needsOther, reg.dietaryNeeds, !reg.needsWheelchair, reg.needsSignLanguage,
                    reg.needsInductionLoop, reg.version);
        });
        return organiser(Op.EDIT_REGISTRATION, r.email() + " → " + email, () -> {
            admin().edit(World.organiser(), world.conferenceId, r.id(), edit);
            return Invariants.Exemptions.none();
        });
    }

    private Result organiserCancels(Snapshot s) {
        Reg r = pickActive(s);
        if (r == null) {
            return noTarget(Op.ORGANISER_CANCELS);
        }
        return organiser(Op.ORGANISER_CANCELS, r.email(), () -> {
            admin().cancel(World.organiser(), world.conferenceId, r.id());
            return Invariants.Exemptions.none();
        });
    }

    private Result moveItem(Snapshot s) {
        List<Item> items = new ArrayList<>(s.items().values());
        Item item = items.get(random.nextInt(items.size()));
        boolean earlier = random.nextBoolean();
        boolean confirmed = random.nextInt(4) > 0;
        return organiser(Op.MOVE_ITEM, item.title() + (earlier ? " earlier" : " later"), () -> {
            agenda().move(World.organiser(), world.conferenceId, item.id(), earlier, confirmed);
            return Invariants.Exemptions.none();
        });
    }

    /** Shifts an item (which may make it overlap others), changes its place, or limits it to one mode. */
    private Result updateItem(Snapshot s) {
        List<Item> items = new ArrayList<>(s.items().values());
        Item item = items.get(random.nextInt(items.size()));
        int shift = (random.nextInt(7) - 3) * 30;
        boolean confirmed = random.nextInt(4) > 0;
        String[] modes = { null, "ON_SITE", "ONLINE" };
        String mode = item.bookable() && random.nextInt(3) == 0 ? modes[random.nextInt(3)] : item.attendance();
        AgendaDraft draft = itemForm(item.id(),
                i -> World.draft(i, i.startsAt.plus(Duration.ofMinutes(shift)),
                        i.endsAt.plus(Duration.ofMinutes(shift)), i.bookable, i.capacity,
                        mode == null ? null : Attendance.valueOf(mode)));
        if (draft == null) {
            return noTarget(Op.UPDATE_ITEM);
        }
        return organiser(Op.UPDATE_ITEM, item.title() + " " + shift + " min, mode " + mode, () -> {
            agenda().update(World.organiser(), world.conferenceId, item.id(), draft, confirmed);
            return Invariants.Exemptions.none();
        });
    }

    /** Removes an item (cancelling its bookings, or refused) and adds another, so the programme stays as big. */
    private Result removeItem(Snapshot s) {
        List<Item> items = new ArrayList<>(s.items().values());
        Item item = items.get(random.nextInt(items.size()));
        boolean cancelBookings = random.nextInt(3) > 0;
        Result result = organiser(Op.REMOVE_ITEM, item.title(), () -> {
            agenda().remove(World.organiser(), world.conferenceId, item.id(), cancelBookings);
            return Invariants.Exemptions.none();
        });
        if (result.outcome() == Outcome.APPLIED) {
            int offset = 60 + 30 * random.nextInt(8);
            int capacity = 1 + random.nextInt(3);
            String title = "Neuer Punkt " + System.nanoTime();
            try {
                world.addItem(title, AgendaItemKind.WORKSHOP, offset, 60, capacity,
                        random.nextInt(3) == 0 ? Attendance.ON_SITE : null);
            } catch (InvalidInput notOffered) {
                // the conference went online-only (meanwhile, on another walker): an item for everyone instead
                world.addItem(title, AgendaItemKind.WORKSHOP, offset, 60, capacity, null);
            }
        }
        return result;
    }

    private Result changeFormat(Snapshot s) {
        ConferenceFormat[] formats = ConferenceFormat.values();
        ConferenceFormat format = random.nextInt(2) == 0 ? ConferenceFormat.HYBRID : formats[random.nextInt(3)];
        ConferenceDraft draft = form(() -> {
            Conference c = Conference.findById(world.conferenceId);
            Integer onsite = format.hasVenue() ? (c.onsiteCapacity != null ? c.onsiteCapacity : 4) : null;
            Integer online = format.offers(Attendance.ONLINE) ? (c.onlineCapacity != null ? c.onlineCapacity : 3)
                    : null;
            return World.draft(c, format, onsite, online);
        });
        return organiser(Op.CHANGE_FORMAT, format.name(), () -> {
            conferences().update(World.organiser(), world.conferenceId, draft);
            return Invariants.Exemptions.none();
        });
    }

    /**
     * The organiser switches offers of 24 or 48 hours on, changes their hours, or (less often, so that offers are made
     * in most steps of a long walk) switches back to automatic promotion.
     */
    private Result toggleOffers() {
        boolean automatic = random.nextInt(4) == 0;
        Integer hours = random.nextBoolean() ? 24 : 48;
        ConferenceDraft draft = form(
                () -> World.draft(Conference.findById(world.conferenceId), automatic ? null : hours));
        return organiser(Op.TOGGLE_OFFERS, automatic ? "automatic promotion" : "offers of " + hours + " h", () -> {
            conferences().update(World.organiser(), world.conferenceId, draft);
            return Invariants.Exemptions.none();
        });
    }

    private Result toggleApproval() {
        boolean required = random.nextBoolean();
        ConferenceDraft draft = form(() -> World.draft(Conference.findById(world.conferenceId), required));
        return organiser(Op.TOGGLE_APPROVAL, required ? "approval required" : "no approval", () -> {
            conferences().update(World.organiser(), world.conferenceId, draft);
            return Invariants.Exemptions.none();
        });
    }

    /** An organiser approves or rejects one to three pending sign-ups at once, with a message now and then. */
    private Result decide(Snapshot s, Op op, boolean approve) {
        List<Reg> pending = new ArrayList<>(
                s.registrations().values().stream().filter(r -> r.status().equals("PENDING")).toList());
        if (pending.isEmpty()) {
            return noTarget(op);
        }
        Collections.shuffle(pending, random);
        List<Long> ids = pending.stream().limit(1 + random.nextInt(3)).map(Reg::id).toList();
        String message = random.nextBoolean() ? "Nachricht der Walk-Organisatorin" : null;
        return organiser(op, ids.toString(), () -> {
            approving().decide(World.organiser(), world.conferenceId, ids, message, approve);
            return Invariants.Exemptions.none();
        });
    }

    private Result toggleBookable(Snapshot s) {
        List<Item> items = new ArrayList<>(s.items().values());
        Item item = items.get(random.nextInt(items.size()));
        boolean confirmed = random.nextInt(4) > 0;
        AgendaDraft draft = itemForm(item.id(),
                i -> World.draft(i, i.startsAt, i.endsAt, !i.bookable, i.bookable ? null : 2, null));
        if (draft == null) {
            return noTarget(Op.TOGGLE_BOOKABLE);
        }
        return organiser(Op.TOGGLE_BOOKABLE, item.title() + (item.bookable() ? " not bookable" : " bookable"), () -> {
            agenda().update(World.organiser(), world.conferenceId, item.id(), draft, confirmed);
            return Invariants.Exemptions.none();
        });
    }

    /** An item's edit form, or null when another walker removed the item meanwhile. */
    private static AgendaDraft itemForm(long itemId, java.util.function.Function<AgendaItem, AgendaDraft> draft) {
        return form(() -> {
            AgendaItem i = AgendaItem.findById(itemId);
            return i == null ? null : draft.apply(i);
        });
    }

    /** What an edit form shows the organiser before they submit it: read in a transaction of its own. */
    private static <T> T form(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    private Result cancelConference() {
        return organiser(Op.CANCEL_CONFERENCE, world.slug, () -> {
            conferences().cancel(World.organiser(), world.conferenceId);
            return Invariants.Exemptions.none();
        });
    }

    /** Runs an organiser's action in its own transaction, as a request would; refusals roll it back. */
    private Result organiser(Op op, String detail, Supplier<Invariants.Exemptions> action) {
        try {
            Invariants.Exemptions exempt = QuarkusTransaction.requiringNew().call(action::get);
            return new Result(op, Outcome.APPLIED, exempt, null, detail);
        } catch (RuntimeException e) {
            // refused, the item removed by another walker meanwhile, a form saved after someone else's change, or the
            // victim of a deadlock (removing an item waits for a sign-up that booked it): nothing saved, retry later
            if (Causes.any(e,
                    cause -> cause instanceof InvalidInput || cause instanceof Consequences
                            || cause instanceof RegistrationClosed || cause instanceof NotYours
                            || cause instanceof jakarta.persistence.OptimisticLockException)
                    || Causes.transactionConflict(e)) {
                return refused(op, detail + ": " + e.getMessage());
            }
            throw e;
        }
    }

    // --- choosing ---------------------------------------------------------------------------------------------------

    /** A random wish of items for this mode: no overlaps, only items offered to the mode; now and then a bad one. */
    private List<Long> choice(Snapshot s, String mode) {
        List<Item> bookable = new ArrayList<>(bookable(s));
        Collections.shuffle(bookable, random);
        boolean careless = random.nextInt(20) == 0;
        List<Item> chosen = new ArrayList<>();
        for (Item item : bookable) {
            boolean fits = careless || (item.attendance() == null || item.attendance().equals(mode))
                    && chosen.stream().noneMatch(c -> c.overlaps(item));
            if (fits && random.nextInt(3) > 0) {
                chosen.add(item);
            }
        }
        return chosen.stream().map(Item::id).sorted().toList();
    }

    private String randomMode(Snapshot s) {
        List<String> offered = List.of("ON_SITE", "ONLINE").stream().filter(m -> s.conference().offers(m)).toList();
        return offered.isEmpty() || random.nextInt(15) == 0 ? (random.nextBoolean() ? "ON_SITE" : "ONLINE")
                : offered.get(random.nextInt(offered.size()));
    }

    private Reg pickActive(Snapshot s) {
        List<Reg> active = s.active().stream().sorted(java.util.Comparator.comparing(Reg::id)).toList();
        return active.isEmpty() ? null : active.get(random.nextInt(active.size()));
    }

    private Reg pickSwapping(Snapshot s) {
        // a walker's snapshot is read while others write: a swap may name a booking it did not see
        List<Reg> swapping = s.swaps().stream().map(sw -> s.bookings().get(sw.pending())).filter(Objects::nonNull)
                .map(Snapshot.Booking::registrationId).distinct().filter(s.registrations()::containsKey).sorted()
                .map(id -> s.registrations().get(id)).toList();
        return swapping.isEmpty() ? pickActive(s) : swapping.get(random.nextInt(swapping.size()));
    }

    private static List<Item> bookable(Snapshot s) {
        return s.items().values().stream().filter(Item::bookable).sorted(java.util.Comparator.comparing(Item::id))
                .toList();
    }

    private static Answer answer(Response response) {
        JsonPath json = response.jsonPath();
        String url = json.getString("manageUrl");
        Map<Long, String> items = new HashMap<>();
        for (Map<String, Object> item : json.<Map<String, Object>> getList("items")) {
            items.put(((Number) item.get("agendaItemId")).longValue(), (String) item.get("status"));
        }
        return new Answer(url.substring(url.lastIndexOf('/') + 1), json.getString("status"),
                json.getString("attendance"), items);
    }

    private static Result refused(Op op, String detail) {
        return new Result(op, Outcome.REFUSED, Invariants.Exemptions.none(), null, detail);
    }

    private static Result noTarget(Op op) {
        return new Result(op, Outcome.NO_TARGET, Invariants.Exemptions.none(), null, "");
    }

    private static ConferenceEditing conferences() {
        return Arc.container().instance(ConferenceEditing.class).get();
    }

    private static AgendaEditing agenda() {
        return Arc.container().instance(AgendaEditing.class).get();
    }

    private static Approving approving() {
        return Arc.container().instance(Approving.class).get();
    }

    private static RegistrationAdmin admin() {
        return Arc.container().instance(RegistrationAdmin.class).get();
    }
}
