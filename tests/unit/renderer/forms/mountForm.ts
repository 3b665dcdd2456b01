import { defineComponent, h, markRaw, shallowRef } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { parseAndCompile, type FileRef, type FormValues, type Provenance } from '../../../../src-shared/forms';
import FormRenderer from '../../../../src-renderer/forms/FormRenderer.vue';
import type { FormUploader } from '../../../../src-renderer/forms/formContext';
import { createAppI18n } from '../../../../src-renderer/i18n/createAppI18n';

export const T = (en: string) => ({ de: `${en} (de)`, fr: `${en} (fr)`, en });

/** A one- or more-step definition around the given fields (step per entry of `steps`). */
export function definition(steps: Array<Array<Record<string, unknown>>>, extra: Record<string, unknown> = {}) {
  return parseAndCompile({
    schemaVersion: 1,
    id: 'test-form',
    version: 1,
    audience: 'private',
    requiresAuthentication: false,
    allowsReplies: false,
    signature: 'none',
    theme: 'family',
    etracking: false,
    title: T('Test form'),
    description: T('A form for tests'),
    authority: T('Test authority'),
    steps: steps.map((fields, i) => ({ id: `step${i}`, title: T(`Step ${i}`), sections: [{ id: `section${i}`, title: T(`Section ${i}`), fields }] })),
    ...extra,
  });
}

export class FakeUploader implements FormUploader {
  stored: File[] = [];
  removed: string[] = [];
  async upload(file: File): Promise<FileRef> {
    this.stored.push(file);
    return { name: file.name, mediaType: file.type, size: file.size, ref: `doc-${this.stored.length}` };
  }
  async remove(ref: string): Promise<void> {
    this.removed.push(ref);
  }
}

/** Mounts FormRenderer in a host that keeps the values (v-model), attached to the document for focus checks. */
export async function mountForm(
  form: ReturnType<typeof definition>,
  options: { values?: FormValues; provenance?: Record<string, Provenance>; uploader?: FormUploader; locale?: 'en' | 'de' | 'fr'; today?: string; startAt?: string | null } = {},
) {
  const values = shallowRef<FormValues>(options.values ?? {});
  const positions: string[] = [];
  const compiled = markRaw(form);
  const Host = defineComponent({
    setup() {
      return () =>
        h(FormRenderer, {
          form: compiled,
          values: values.value,
          provenance: options.provenance ?? {},
          uploader: options.uploader ?? null,
          today: options.today ?? '2024-06-15',
          startAt: options.startAt ?? null,
          onStep: (position: string) => positions.push(position),
          'onUpdate:values': (next: FormValues) => {
            values.value = next;
          },
        });
    },
  });
  document.body.innerHTML = '<div id="root"></div>';
  const wrapper = mount(Host, { global: { plugins: [createAppI18n(options.locale ?? 'en')] }, attachTo: '#root' });
  await flushPromises();
  return { wrapper, values, positions, root: wrapper.element.parentElement as HTMLElement };
}

export async function typeInto(element: Element | null, text: string): Promise<void> {
  if (!element) throw new Error('no element to type into');
  const input = element as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}

export async function leave(element: Element | null): Promise<void> {
  element?.dispatchEvent(new FocusEvent('blur'));
  element?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  await flushPromises();
}

/** The label element's text for a control id. */
export function labelFor(root: HTMLElement, id: string): string {
  return root.querySelector(`label[for="${id}"]`)?.textContent?.trim() ?? '';
}
