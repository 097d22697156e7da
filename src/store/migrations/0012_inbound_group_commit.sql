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
