-- Group commit on the hot path (issue 9, throughput): several buyer messages stored, or several
-- answers committed, in ONE statement and one transaction, instead of one round trip and one
-- commit each. The application gathers the calls that arrive while an earlier batch is in flight
-- (app/inbound/batching.ts); each item is the same single call as before (dxe_receive,
-- dxe_answer from migration 0003), so every rule stays in one place. Items are taken in the
-- order of the lock key the application passes (shop and buyer account), so two batches lock
-- buyers and conversations in the same order and cannot deadlock each other. A message id that
-- is already stored is reported as existing instead of raising, so one redelivery does not fail
-- the batch; a race with another transaction still raises, and the application then runs the
-- batch's items one by one. Results come back in the order of the items.

CREATE OR REPLACE FUNCTION dxe_receive_many(p_items jsonb, p_history integer) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_item jsonb;
  v_ord integer;
  v_out jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p_items)]);
BEGIN
  FOR v_item, v_ord IN
    SELECT e.value, e.ord::integer FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(value, ord)
    ORDER BY e.value->>'lock_key', e.ord
  LOOP
    IF EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = v_item->>'shop' AND m.channel_message_id = v_item->>'message_id') THEN
      v_out[v_ord] := '{"existing": true}'::jsonb;
    ELSE
      v_out[v_ord] := dxe_receive(v_item->>'shop', v_item->>'account', v_item->>'channel', v_item->>'message_id',
        v_item->>'text', v_item->>'item_ref', (v_item->>'sent_at')::timestamptz, (v_item->>'now')::timestamptz,
        (v_item->>'lease_until')::timestamptz, p_history);
    END IF;
  END LOOP;
  RETURN to_jsonb(v_out);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION dxe_answer_many(p_items jsonb, p_soft_handovers text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_item jsonb;
  v_ord integer;
  v_out jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p_items)]);
BEGIN
  FOR v_item, v_ord IN
    SELECT e.value, e.ord::integer FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(value, ord)
    ORDER BY e.value->>'lock_key', e.ord
  LOOP
    v_out[v_ord] := dxe_answer((v_item->>'message_id')::bigint, v_item->>'intent', (v_item->>'confidence')::real,
      (v_item->>'now')::timestamptz, p_soft_handovers, v_item->>'stage', v_item->'interest', v_item->'state',
      v_item->>'verified_order', NULLIF(v_item->'handover', 'null'::jsonb), v_item->'messages', v_item->'promises',
      ARRAY(SELECT jsonb_array_elements_text(v_item->'finished_states')), v_item->>'callback_url');
  END LOOP;
  RETURN to_jsonb(v_out);
END $$;
--> statement-breakpoint

-- Receive, again (as in 0003) except for the buyer row: two messages of one buyer at once — the
-- second one's receive while the first one's answer commits — locked the buyer row and the
-- conversation row in opposite orders (the receive: buyer, then conversation; the answer:
-- conversation, then the buyer's key check of its second conversation update) and one of them
-- failed with a deadlock. The receive now leaves an existing buyer's row unlocked.
CREATE OR REPLACE FUNCTION dxe_receive(
  p_shop text, p_account text, p_channel text, p_channel_message_id text, p_text text, p_item_ref text,
  p_sent_at timestamptz, p_now timestamptz, p_lease_until timestamptz, p_history integer
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_buyer buyers;
  v_conv conversations;
  v_msg messages;
BEGIN
  -- DO NOTHING, then read: an existing buyer's row is not locked (DO UPDATE locked it, and an
  -- answer in flight for the same buyer — conversation row locked, then the buyer's key checked —
  -- deadlocked with it).
  INSERT INTO buyers (id, shop_id, platform_account) VALUES (gen_random_uuid()::text, p_shop, p_account)
    ON CONFLICT (shop_id, platform_account) DO NOTHING
    RETURNING * INTO v_buyer;
  IF NOT FOUND THEN
    SELECT * INTO v_buyer FROM buyers WHERE shop_id = p_shop AND platform_account = p_account;
  END IF;
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
