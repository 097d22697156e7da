-- The hot path of a buyer message in three server-side functions (issue 9, throughput): each step
-- is one round trip instead of eight to fifteen statements, which on the embedded database is
-- the difference between tens and hundreds of messages a second. The rules they apply are the
-- application's (docs/architecture.md, "How a buyer message flows"); the application passes in
-- every decision that needs the domain (what to say, the hand-over, the finished order states,
-- where to deliver) and these functions only store it atomically.

-- The queue row's parts that need other tables (C2): the last message, the start of the current
-- wait (the oldest buyer message not yet followed by any reply), the shop and the buyer.
CREATE OR REPLACE FUNCTION dxe_summary_parts(p_conversation_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'last_text', (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1),
    'waiting_since', (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
      AND m.seq > coalesce((SELECT max(o.seq) FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out'), 0)),
    'shop_name', s.name, 'platform', s.platform, 'rule_overrides', s.rule_overrides,
    'buyer', jsonb_build_object('id', b.id, 'nickname', b.nickname, 'platformAccount', b.platform_account))
  FROM conversations c JOIN shops s ON s.id = c.shop_id JOIN buyers b ON b.id = c.buyer_id
  WHERE c.id = p_conversation_id
$$;
--> statement-breakpoint

-- Receive (step 1): the buyer (found or created), the buyer's one open conversation (an advisory
-- lock on the buyer keeps two first messages from opening two), the sequence number, the message
-- with its pipeline step and lease; then what the next steps read. A redelivered message id
-- raises the unique violation, and nothing of this call is kept.
CREATE OR REPLACE FUNCTION dxe_receive(
  p_shop text, p_account text, p_channel text, p_channel_message_id text, p_text text, p_item_ref text,
  p_sent_at timestamptz, p_now timestamptz, p_lease_until timestamptz, p_history integer
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_buyer buyers;
  v_conv conversations;
  v_msg messages;
BEGIN
  INSERT INTO buyers (id, shop_id, platform_account) VALUES (gen_random_uuid()::text, p_shop, p_account)
    ON CONFLICT (shop_id, platform_account) DO UPDATE SET platform_account = excluded.platform_account
    RETURNING * INTO v_buyer;
  PERFORM pg_advisory_xact_lock(hashtext('conv:' || v_buyer.id));
  SELECT * INTO v_conv FROM conversations
    WHERE shop_id = p_shop AND buyer_id = v_buyer.id AND status <> 'closed' ORDER BY created_at LIMIT 1;
  IF NOT FOUND THEN
    INSERT INTO conversations (id, shop_id, buyer_id, channel, created_at)
      VALUES (gen_random_uuid()::text, p_shop, v_buyer.id, p_channel, p_now) RETURNING * INTO v_conv;
  END IF;
  UPDATE conversations SET last_seq = last_seq + 1, last_message_at = p_now, last_buyer_message_at = p_now,
      first_buyer_message_at = coalesce(first_buyer_message_at, p_now)
    WHERE id = v_conv.id RETURNING * INTO v_conv;
  INSERT INTO messages (shop_id, conversation_id, seq, direction, author_kind, text, channel_message_id, item_ref,
      sent_at, created_at, pipeline_step, pipeline_lease_until)
    VALUES (p_shop, v_conv.id, v_conv.last_seq, 'in', 'buyer', p_text, p_channel_message_id, p_item_ref,
      coalesce(p_sent_at, p_now), p_now, 'received', p_lease_until)
    RETURNING * INTO v_msg;
  RETURN jsonb_build_object(
    'message', to_jsonb(v_msg),
    'conversation', to_jsonb(v_conv),
    'recent', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.seq), '[]'::jsonb) FROM (
      SELECT m.seq, m.author_kind, m.text, m.created_at, m.intent, m.confidence FROM messages m
      WHERE m.conversation_id = v_conv.id AND m.seq < v_msg.seq ORDER BY m.seq DESC LIMIT p_history) r),
    'has_orders', EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = p_shop AND o.buyer_id = v_buyer.id));
END $$;
--> statement-breakpoint

-- Outgoing messages, one way for every sender (bot, agent, later senders), with the conversation
-- row already locked by the caller: sequence numbers and the first-response time (C2), an
-- agent's take-over (C17), the messages (C4: one short line each; the guard verdict on the first
-- part, a link to it on the others), promises tied to the buyer's order still under way (D8), and
-- the bridge outbox rows when the caller's delivery port says the buyer is reached through a
-- callback. Returns the stored messages in order.
CREATE OR REPLACE FUNCTION dxe_append_outgoing(
  p_conversation_id text, p_author_kind text, p_author_id text, p_messages jsonb, p_promises jsonb,
  p_finished_states text[], p_callback_url text, p_reply_to bigint, p_now timestamptz, p_take_over boolean
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_conv conversations;
  v_n integer := jsonb_array_length(p_messages);
  v_first integer;
  v_order text;
  v_out jsonb;
BEGIN
  IF v_n = 0 THEN RETURN '[]'::jsonb; END IF;
  UPDATE conversations SET last_seq = last_seq + v_n, last_message_at = p_now,
      first_response_at = coalesce(first_response_at, p_now),
      status = CASE WHEN p_take_over AND status <> 'assigned' THEN 'assigned' ELSE status END,
      assignee_id = CASE WHEN p_take_over AND status <> 'assigned' THEN p_author_id ELSE assignee_id END
    WHERE id = p_conversation_id RETURNING * INTO v_conv;
  v_first := v_conv.last_seq - v_n + 1;
  INSERT INTO messages (shop_id, conversation_id, seq, direction, author_kind, author_id, text, guard_verdict,
      sent_at, created_at, reply_to)
    SELECT v_conv.shop_id, v_conv.id, v_first + (e.ord - 1)::integer, 'out', p_author_kind, p_author_id, e.value->>'text',
      CASE WHEN e.value ? 'partOf'
        THEN jsonb_build_object('verdict', e.value->'verdict'->>'verdict', 'partOf', v_first + (e.value->>'partOf')::integer)
        ELSE e.value->'verdict' END,
      p_now, p_now, p_reply_to
    FROM jsonb_array_elements(p_messages) WITH ORDINALITY AS e(value, ord);
  IF jsonb_array_length(p_promises) > 0 THEN
    SELECT o.id INTO v_order FROM orders o
      WHERE o.shop_id = v_conv.shop_id AND o.buyer_id = v_conv.buyer_id AND NOT (o.state = ANY(p_finished_states))
      ORDER BY o.ordered_at DESC LIMIT 1;
    INSERT INTO promises (id, shop_id, conversation_id, order_id, message_id, kind, text, created_at)
      SELECT gen_random_uuid()::text, v_conv.shop_id, v_conv.id, v_order, m.id, p->>'kind', p->>'text', p_now
      FROM jsonb_array_elements(p_promises) AS p
      JOIN messages m ON m.conversation_id = v_conv.id AND m.seq = v_first + (p->>'messageIndex')::integer;
  END IF;
  IF p_callback_url IS NOT NULL THEN
    INSERT INTO deliveries (shop_id, message_id, callback_url, next_attempt_at)
      SELECT v_conv.shop_id, m.id, p_callback_url, p_now FROM messages m
      WHERE m.conversation_id = v_conv.id AND m.seq >= v_first AND m.seq < v_first + v_n;
  END IF;
  SELECT jsonb_agg(to_jsonb(m) ORDER BY m.seq) INTO v_out FROM messages m
    WHERE m.conversation_id = v_conv.id AND m.seq >= v_first AND m.seq < v_first + v_n;
  RETURN v_out;
END $$;
--> statement-breakpoint

-- Answer (steps 2–4 committed): the message becomes done only if it was not (so a resumed message
-- is answered once); the conversation row is locked and re-read — the bot speaks only while it
-- may (no person holds the chat); the replies go out through dxe_append_outgoing; the bot's
-- memory keys are merged into the state (never the whole blob: an escalation written meanwhile
-- stays); the hand-over, if any, is applied. Returns what happened and the new queue row's parts.
CREATE OR REPLACE FUNCTION dxe_answer(
  p_message_id bigint, p_intent text, p_confidence real, p_now timestamptz, p_soft_handovers text[],
  p_stage text, p_interest jsonb, p_state jsonb, p_verified_order text, p_handover jsonb,
  p_messages jsonb, p_promises jsonb, p_finished_states text[], p_callback_url text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_msg messages;
  v_conv conversations;
  v_may_speak boolean;
  v_take_over boolean;
  v_replies jsonb := '[]'::jsonb;
  v_state jsonb;
BEGIN
  UPDATE messages SET pipeline_step = 'done', pipeline_lease_until = NULL, intent = p_intent, confidence = p_confidence
    WHERE id = p_message_id AND pipeline_step IN ('received', 'understood') RETURNING * INTO v_msg;
  IF NOT FOUND THEN RETURN jsonb_build_object('done_elsewhere', true); END IF;
  SELECT * INTO v_conv FROM conversations WHERE id = v_msg.conversation_id FOR UPDATE;
  v_may_speak := v_conv.status = 'bot' OR (v_conv.status = 'queued' AND v_conv.handover_reason = ANY(p_soft_handovers));
  v_take_over := v_may_speak AND p_handover IS NOT NULL;
  IF v_may_speak THEN
    v_replies := coalesce(dxe_append_outgoing(v_conv.id, 'bot', NULL, p_messages, p_promises, p_finished_states,
      p_callback_url, p_message_id, p_now, false), '[]'::jsonb);
  END IF;
  SELECT state INTO v_state FROM conversations WHERE id = v_conv.id;
  v_state := coalesce(v_state, '{}'::jsonb) || p_state;
  -- C9: an order counts as confirmed once the confirmation actually went out.
  IF p_verified_order IS NOT NULL AND jsonb_array_length(v_replies) > 0
     AND NOT coalesce(v_state->'verifiedOrderIds', '[]'::jsonb) ? p_verified_order THEN
    v_state := jsonb_set(v_state, '{verifiedOrderIds}', coalesce(v_state->'verifiedOrderIds', '[]'::jsonb) || to_jsonb(p_verified_order));
  END IF;
  IF v_take_over THEN
    v_state := v_state || jsonb_build_object('lastHandover', jsonb_build_object('messageId', p_message_id) || p_handover);
  END IF;
  UPDATE conversations SET stage = p_stage, last_intent = p_intent, interest = p_interest, state = v_state,
      status = CASE WHEN v_take_over THEN 'queued' ELSE status END,
      handover_reason = CASE WHEN v_take_over THEN p_handover->>'reason' ELSE handover_reason END,
      priority = CASE WHEN v_take_over AND p_handover->>'reason' = 'complaint' THEN 5 ELSE priority END
    WHERE id = v_conv.id RETURNING * INTO v_conv;
  RETURN jsonb_build_object('conversation', to_jsonb(v_conv), 'replies', v_replies, 'took_over', v_take_over,
    'summary', dxe_summary_parts(v_conv.id));
END $$;
